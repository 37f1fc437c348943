#!/bin/sh
# A correct alternative: tags per resource from a local map merged with each resource's own, the environment's
# variable ($ASSAY_P_ENV) validated, the key's ARN passed through a local; edited in place with sed and appended
# blocks rather than rewritten. The tag keys and the algorithm are the session's ($ASSAY_P_TEAM_KEY,
# $ASSAY_P_COST_KEY, $ASSAY_P_SSE).
set -eu
cd /root/audit-logs
sed -i 's|^  description = "Prefix of every resource name"$|  type        = string\n  description = "Prefix of every resource name"|' variables.tf
grep -q '^  type        = string$' variables.tf
cat >> variables.tf <<TF

variable "$ASSAY_P_ENV" {
  type = string

  validation {
    condition     = contains(["dev", "staging", "prod"], var.$ASSAY_P_ENV)
    error_message = "$ASSAY_P_ENV must be dev, staging or prod."
  }
}
TF
cat > locals.tf <<TF
locals {
  common_tags = {
    "$ASSAY_P_TEAM_KEY" = "platform"
    "$ASSAY_P_COST_KEY" = "cc-4410"
    "$ASSAY_P_ENV" = var.$ASSAY_P_ENV
  }
  audit_key = aws_kms_key.audit.arn
}
TF
sed -i 's|^  deletion_window_in_days = 30$|  deletion_window_in_days = 30\n  enable_key_rotation     = true\n  tags                    = local.common_tags|' main.tf
sed -i '/^  tags = {$/,/^  }$/c\  tags = merge(local.common_tags, { Name = "${var.name}-audit-logs" })' main.tf
sed -i "s|^      sse_algorithm = \"AES256\"\$|      sse_algorithm     = \"$ASSAY_P_SSE\"\n      kms_master_key_id = local.audit_key|" main.tf
sed -i 's|^  message_retention_seconds = 1209600$|  message_retention_seconds = 1209600\n  tags                      = local.common_tags|' main.tf
grep -q 'local.audit_key' main.tf
grep -q 'enable_key_rotation' main.tf
