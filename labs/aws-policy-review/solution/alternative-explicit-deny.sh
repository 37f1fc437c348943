#!/bin/sh
# A correct alternative: PassRole listed by exact role ARN; IAM kept broad for reading but with an explicit deny on
# every write that changes permissions.
set -eu
cd /root/review/policies
cat > dev-deploy.json <<JSON
{"Version": "2012-10-17", "Statement": [
  {"Effect": "Allow", "Action": ["lambda:CreateFunction", "lambda:UpdateFunctionCode", "lambda:InvokeFunction"],
   "Resource": ["arn:aws:lambda:$ASSAY_P_REGION:$ASSAY_P_ACCOUNT:function:$ASSAY_P_PREFIX-*"]},
  {"Effect": "Allow", "Action": ["iam:PassRole"], "Resource": ["arn:aws:iam::$ASSAY_P_ACCOUNT:role/$ASSAY_P_EXEC_ROLE"]}
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
