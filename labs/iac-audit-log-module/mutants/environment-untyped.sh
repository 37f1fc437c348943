#!/bin/sh
# Near miss, on top of the reference solution: the environment's variable ($ASSAY_P_ENV) is declared without a type.
set -eu
cd /root/audit-logs
ENV_NAME=$ASSAY_P_ENV perl -0pi -e 's/variable "\Q$ENV{ENV_NAME}\E" \{\n  type        = string\n/variable "$ENV{ENV_NAME}" {\n/' variables.tf
if grep -A2 "variable \"$ASSAY_P_ENV\"" variables.tf | grep -q type; then exit 1; fi
