#!/bin/sh
# A correct alternative: tags per resource from a local map merged with each resource's own, the environment
# variable validated, the key's ARN passed through a local, DSSE-KMS; edited in place with sed and appended blocks
# rather than rewritten.
set -eu
cd /root/audit-logs
sed -i 's|^  description = "Prefix of every resource name"$|  type        = string\n  description = "Prefix of every resource name"|' variables.tf
grep -q '^  type        = string$' variables.tf
cat >> variables.tf <<'TF'

variable "environment" {
  type = string

  validation {
    condition     = contains(["dev", "staging", "prod"], var.environment)
    error_message = "environment must be dev, staging or prod."
  }
}
TF
cat > locals.tf <<'TF'
locals {
  common_tags = {
    "team"        = "platform"
    "cost-center" = "cc-4410"
    "environment" = var.environment
  }
  audit_key = aws_kms_key.audit.arn
}
TF
sed -i 's|^  deletion_window_in_days = 30$|  deletion_window_in_days = 30\n  enable_key_rotation     = true\n  tags                    = local.common_tags|' main.tf
sed -i '/^  tags = {$/,/^  }$/c\  tags = merge(local.common_tags, { Name = "${var.name}-audit-logs" })' main.tf
sed -i 's|^      sse_algorithm = "AES256"$|      sse_algorithm     = "aws:kms:dsse"\n      kms_master_key_id = local.audit_key|' main.tf
sed -i 's|^  message_retention_seconds = 1209600$|  message_retention_seconds = 1209600\n  tags                      = local.common_tags|' main.tf
grep -q 'local.audit_key' main.tf
grep -q 'enable_key_rotation' main.tf
