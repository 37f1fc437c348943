#!/bin/sh
# Near miss, on top of the reference solution: a variable without a type.
set -eu
perl -0pi -e 's/variable "log_bucket" \{\n  type = string\n\}/variable "log_bucket" {\n  description = "Where access logs go"\n}/' \
  /root/infra/variables.tf
grep -q 'description = "Where access logs go"' /root/infra/variables.tf
