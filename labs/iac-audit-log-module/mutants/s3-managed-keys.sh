#!/bin/sh
# Near miss, on top of the reference solution: the key exists and rotates, but the bucket stays on S3-managed
# AES256 keys.
set -eu
cd /root/audit-logs
sed -i 's|^      sse_algorithm     = "aws:kms"$|      sse_algorithm     = "AES256"|; /^      kms_master_key_id = aws_kms_key.audit.arn$/d' main.tf
grep -q '"AES256"' main.tf
