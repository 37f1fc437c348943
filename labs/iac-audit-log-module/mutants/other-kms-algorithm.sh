#!/bin/sh
# Near miss, on top of the reference solution: the module's own key, but the other KMS algorithm than the one the
# policy names ($ASSAY_P_SSE): DSSE-KMS where SSE-KMS is asked for, or the other way round.
set -eu
cd /root/audit-logs
case "$ASSAY_P_SSE" in
  aws:kms) other=aws:kms:dsse ;;
  *) other=aws:kms ;;
esac
sed -i "s|^      sse_algorithm     = \"$ASSAY_P_SSE\"\$|      sse_algorithm     = \"$other\"|; s|^    bucket_key_enabled = .*\$||" main.tf
grep -q "\"$other\"" main.tf
