#!/bin/sh
# Near miss, on top of the reference solution: restrict_public_buckets comes from a variable, and terraform.tfvars
# sets it to false.
set -eu
sed -i 's/restrict_public_buckets = true/restrict_public_buckets = var.restrict_public_buckets/' /root/infra/main.tf
grep -q 'var.restrict_public_buckets' /root/infra/main.tf
printf '\nvariable "restrict_public_buckets" {\n  type    = bool\n  default = true\n}\n' >> /root/infra/variables.tf
printf 'restrict_public_buckets = false\n' > /root/infra/terraform.tfvars
