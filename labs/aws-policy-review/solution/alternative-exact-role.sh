#!/bin/sh
# A correct alternative: PassRole on the execution role's exact ARN (no condition), IAM reads allowed by prefix and
# every policy-changing IAM action denied outright, and the findings written as a numbered list.
set -eu
cd /root/review/policies
role_arn="arn:aws:iam::$ASSAY_P_ACCOUNT:role/$ASSAY_P_EXEC_ROLE"
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
      "Sid": "PassOnlyTheExecutionRole",
      "Effect": "Allow",
      "Action": "iam:PassRole",
      "Resource": "$role_arn"
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
    },
    {
      "Sid": "NoPolicyChanges",
      "Effect": "Deny",
      "Action": [
        "iam:CreatePolicyVersion", "iam:SetDefaultPolicyVersion", "iam:DeletePolicyVersion",
        "iam:Put*Policy", "iam:Attach*Policy", "iam:Detach*Policy", "iam:Delete*Policy", "iam:CreatePolicy",
        "iam:UpdateAssumeRolePolicy"
      ],
      "Resource": "*"
    }
  ]
}
JSON
cat > /root/review/FINDINGS.md <<MD
# Findings

1. iam:PassRole on every role (dev-deploy.json, LetFunctionsRun). A developer creates a $ASSAY_P_PREFIX-* function
   whose execution role is admin (lambda:CreateFunction with --role admin) and invokes it; the code runs with
   admin's permissions. Fix: PassRole only on $role_arn.
2. iam:CreatePolicyVersion on every policy (dev-iam.json, ReadIam). A developer writes a new version of a customer
   managed policy attached to their own role, with "Action": "*", and makes it the default (CreatePolicyVersion
   --set-as-default). Fix: read-only IAM (Get*, List*) and an explicit Deny on every policy-changing action.
MD
