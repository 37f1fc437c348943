#!/bin/sh
# Plants the developer role's policies for review: two of them let a developer make themselves an administrator.
# The account, the functions' region and name prefix and their execution role are drawn per session (lab.yaml,
# parameters) and written only where the scenario holds them: the policies and the README.
set -eu
account=$ASSAY_P_ACCOUNT
mkdir -p /root/review/policies
cd /root/review/policies
cat > dev-deploy.json <<JSON
{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Sid": "DeployFunctions",
      "Effect": "Allow",
      "Action": ["lambda:CreateFunction", "lambda:UpdateFunctionCode", "lambda:InvokeFunction"],
      "Resource": "arn:aws:lambda:$ASSAY_P_REGION:$account:function:$ASSAY_P_PREFIX-*"
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
cat > /root/review/README.txt <<TXT
Role: developer (account $account). Developers deploy Lambda functions named $ASSAY_P_PREFIX-* in $ASSAY_P_REGION,
which run as the role $ASSAY_P_EXEC_ROLE; they read IAM to debug permissions. Roles that exist include admin and
$ASSAY_P_EXEC_ROLE.
TXT
