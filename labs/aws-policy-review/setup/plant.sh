#!/bin/sh
# Plants the developer role's policies for review: two of them let a developer make themselves an administrator.
set -eu
mkdir -p /root/review/policies
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
      "Sid": "LetFunctionsRun",
      "Effect": "Allow",
      "Action": "iam:PassRole",
      "Resource": "*"
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
      "Action": ["iam:Get*", "iam:List*", "iam:CreatePolicyVersion"],
      "Resource": "*"
    }
  ]
}
JSON
cat > /root/review/README.txt <<'TXT'
Role: developer (account 111122223333). Developers deploy Lambda functions named dev-*, which run as the role
lambda-dev-exec; they read IAM to debug permissions. Roles that exist include admin and lambda-dev-exec.
TXT
