#!/bin/sh
# Near miss, on top of the reference solution: the environment variable is declared without a type.
set -eu
cd /root/audit-logs
perl -0pi -e 's/variable "environment" \{\n  type        = string\n/variable "environment" {\n/' variables.tf
if grep -A2 'variable "environment"' variables.tf | grep -q type; then exit 1; fi
