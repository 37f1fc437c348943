#!/bin/sh
# Near miss, on top of the reference solution: the policy's KMS algorithm, but with the AWS-managed aws/s3 key (no
# kms_master_key_id), not the module's own key.
set -eu
cd /root/audit-logs
sed -i '/^      kms_master_key_id = aws_kms_key.audit.arn$/d' main.tf
if grep -q 'kms_master_key_id' main.tf; then exit 1; fi
