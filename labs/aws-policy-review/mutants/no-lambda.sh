#!/bin/sh
# Near miss, on top of the reference solution: PassRole closed by taking away deploying altogether.
set -eu
sed -i 's/"Action": \["lambda:CreateFunction", "lambda:UpdateFunctionCode", "lambda:InvokeFunction"\],/"Action": ["lambda:GetFunction"],/' \
  /root/review/policies/dev-deploy.json
grep -q lambda:GetFunction /root/review/policies/dev-deploy.json
