#!/bin/sh
# Near miss, on top of the reference solution: rotation comes from a variable whose default is true, and
# terraform.tfvars turns it off.
set -eu
cd /root/audit-logs
sed -i 's|^  enable_key_rotation     = true$|  enable_key_rotation     = var.rotate_key|' main.tf
grep -q 'var.rotate_key' main.tf
printf '\nvariable "rotate_key" {\n  type    = bool\n  default = true\n}\n' >> variables.tf
printf 'rotate_key = false\n' > terraform.tfvars
