#!/bin/sh
# Near miss, on top of the reference solution: only PassRole is found and fixed.
set -eu
sed -i 's/"Action": \["iam:Get\*", "iam:List\*"\],/"Action": ["iam:Get*", "iam:List*", "iam:CreatePolicyVersion"],/' \
  /root/review/policies/dev-iam.json
grep -q CreatePolicyVersion /root/review/policies/dev-iam.json
sed -i '/^2\. /,$d' /root/review/FINDINGS.md
! grep -q CreatePolicyVersion /root/review/FINDINGS.md
