#!/bin/sh
# Near miss, on top of the reference solution: backup retention comes from a variable, and terraform.tfvars sets
# it to 0 (no automated backups).
set -eu
sed -i 's/backup_retention_period     = 14/backup_retention_period     = var.backup_days/' /root/review/main.tf
grep -q 'var.backup_days' /root/review/main.tf
printf '\nvariable "backup_days" {\n  type    = number\n  default = 7\n}\n' >> /root/review/variables.tf
printf 'backup_days = 0\n' > /root/review/terraform.tfvars
