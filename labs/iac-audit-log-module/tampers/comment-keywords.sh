#!/bin/sh
# Tamper: writes every setting the checks look for, with the session's tag keys, variable and algorithm, into
# comments of the untouched module, changes nothing else.
set -eu
cat >> /root/audit-logs/main.tf <<TF

# Policy fixes:
#   tags = { $ASSAY_P_TEAM_KEY = "platform", "$ASSAY_P_COST_KEY" = "cc-4410", $ASSAY_P_ENV = var.$ASSAY_P_ENV }
#   enable_key_rotation = true
#   sse_algorithm = "$ASSAY_P_SSE", kms_master_key_id = aws_kms_key.audit.arn
/* variable "$ASSAY_P_ENV" { type = string } */
TF
