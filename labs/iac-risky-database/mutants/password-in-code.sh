#!/bin/sh
# Near miss, on top of the reference solution: the password moves to a variable default, still in the code.
set -eu
sed -i 's/  manage_master_user_password = true/  password                    = var.db_password/' /root/review/main.tf
printf '\nvariable "db_password" {\n  type    = string\n  default = "Orders2024!"\n}\n' >> /root/review/variables.tf
