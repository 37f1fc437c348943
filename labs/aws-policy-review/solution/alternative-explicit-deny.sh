#!/bin/sh
# A correct alternative: PassRole listed by exact role ARN; IAM kept broad for reading but with an explicit deny on
# every write that changes permissions.
set -eu
cd /root/review/policies
cat > dev-deploy.json <<'JSON'
{"Version": "2012-10-17", "Statement": [
  {"Effect": "Allow", "Action": ["lambda:CreateFunction", "lambda:UpdateFunctionCode", "lambda:InvokeFunction"],
   "Resource": ["arn:aws:lambda:eu-west-1:111122223333:function:dev-*"]},
  {"Effect": "Allow", "Action": ["iam:PassRole"], "Resource": ["arn:aws:iam::111122223333:role/lambda-dev-exec"]}
]}
JSON
cat > dev-iam.json <<'JSON'
{"Version": "2012-10-17", "Statement": [
  {"Effect": "Allow", "Action": ["iam:Get*", "iam:List*", "iam:CreatePolicyVersion"], "Resource": "*"},
  {"Effect": "Deny", "Action": ["iam:CreatePolicyVersion", "iam:SetDefaultPolicyVersion", "iam:Attach*",
   "iam:Put*", "iam:Create*", "iam:Update*"], "Resource": "*"}
]}
JSON
printf 'Escalations: PassRole on * (pass admin to a Lambda) and CreatePolicyVersion (rewrite own policy).\n' \
  > /root/review/FINDINGS.md
