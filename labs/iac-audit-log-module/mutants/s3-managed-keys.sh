#!/bin/sh
# Near miss, on top of the reference solution: the key exists and rotates, but the bucket stays on S3-managed
# AES256 keys.
set -eu
cd /root/audit-logs
sed -i "s|^      sse_algorithm     = \"$ASSAY_P_SSE\"\$|      sse_algorithm     = \"AES256\"|; /^      kms_master_key_id = aws_kms_key.audit.arn\$/d" main.tf
sed -i 's|^    bucket_key_enabled = .*$||' main.tf
grep -q '"AES256"' main.tf
