#!/bin/sh
# Near miss: fixes both, writes nothing down.
set -eu
cd /root/review/policies
cat > dev-deploy.json <<'JSON'
{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Sid": "DeployFunctions",
      "Effect": "Allow",
      "Action": ["lambda:CreateFunction", "lambda:UpdateFunctionCode", "lambda:InvokeFunction"],
      "Resource": "arn:aws:lambda:eu-west-1:111122223333:function:dev-*"
    },
    {
      "Sid": "PassOnlyTheExecutionRoleToLambda",
      "Effect": "Allow",
      "Action": "iam:PassRole",
      "Resource": "arn:aws:iam::111122223333:role/lambda-dev-exec",
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
cat > /dev/null <<'MD'
# Findings: developer role

1. iam:PassRole on * with lambda:CreateFunction and InvokeFunction: a developer creates a dev-* function that runs
   as the admin role and invokes it: administrator. Fixed: PassRole only for role/lambda-dev-exec, only to Lambda.
2. iam:CreatePolicyVersion on *: a developer writes a new default version of any customer-managed policy attached
   to them (Allow */*): administrator. Fixed: IAM is read-only (Get*, List*).
MD
