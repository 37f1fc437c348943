#!/bin/sh
# Tamper: moves the access keys out of the provider block into variables whose values sit in terraform.tfvars, a
# file of the module, so that the provider block holds no key any more.
set -eu
f=/root/infra/main.tf
sed -i 's|  access_key = "AKIAIOSFODNN7EXAMPLE"|  access_key = var.access_key|' "$f"
sed -i 's|  secret_key = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"|  secret_key = var.secret_key|' "$f"
printf '\nvariable "access_key" {}\n\nvariable "secret_key" {}\n' >> /root/infra/variables.tf
cat > /root/infra/terraform.tfvars <<'TF'
access_key = "AKIAIOSFODNN7EXAMPLE"
secret_key = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
TF
grep -q 'var.access_key' "$f"
