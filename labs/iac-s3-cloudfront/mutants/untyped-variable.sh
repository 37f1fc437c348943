#!/bin/sh
# Near miss, on top of the reference solution: a variable without a type.
set -eu
perl -0pi -e 's/variable "kms_key_arn" \{\n  type = string\n\}/variable "kms_key_arn" {\n  description = "The key that encrypts the bucket"\n}/' \
  /root/infra/variables.tf
grep -q 'description = "The key that encrypts the bucket"' /root/infra/variables.tf
