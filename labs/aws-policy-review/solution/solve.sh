#!/bin/sh
# The reference solution: PassRole only for the functions' execution role and only to Lambda; IAM read-only; the
# findings written down. The account, region, function prefix and role are the session's ($ASSAY_P_*).
set -eu
cd /root/review/policies
cat > dev-deploy.json <<JSON
{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Sid": "DeployFunctions",
      "Effect": "Allow",
      "Action": ["lambda:CreateFunction", "lambda:UpdateFunctionCode", "lambda:InvokeFunction"],
      "Resource": "arn:aws:lambda:$ASSAY_P_REGION:$ASSAY_P_ACCOUNT:function:$ASSAY_P_PREFIX-*"
    },
    {
      "Sid": "PassOnlyTheExecutionRoleToLambda",
      "Effect": "Allow",
      "Action": "iam:PassRole",
      "Resource": "arn:aws:iam::$ASSAY_P_ACCOUNT:role/$ASSAY_P_EXEC_ROLE",
      "Condition": {"StringEquals": {"iam:PassedToService": "lambda.amazonaws.com"}}
    }
  ]
}
JSON
cat > dev-iam.json <<'JSON'
{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Sid": "ReadIam",
      "Effect": "Allow",
      "Action": ["iam:Get*", "iam:List*"],
      "Resource": "*"
    }
  ]
}
JSON
cat > /root/review/FINDINGS.md <<MD
# Findings: developer role

1. iam:PassRole on * with lambda:CreateFunction and InvokeFunction: a developer creates a $ASSAY_P_PREFIX-* function
   that runs as the admin role and invokes it: administrator. Fixed: PassRole only for role/$ASSAY_P_EXEC_ROLE, only
   to Lambda.
2. iam:CreatePolicyVersion on *: a developer writes a new default version of any customer-managed policy attached
   to them (Allow */*): administrator. Fixed: IAM is read-only (Get*, List*).
MD
