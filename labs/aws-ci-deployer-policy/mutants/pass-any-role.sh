#!/bin/sh
# Near miss, on top of the reference solution: adds iam:PassRole on every role "so CI can deploy the Lambda later".
set -eu
perl -0pi -e 's/\n  \]\n\}/,\n    {"Sid": "DeployLambdaLater", "Effect": "Allow", "Action": "iam:PassRole", "Resource": "*"}\n  ]\n}/' \
  /root/deployer/policy.json
grep -q DeployLambdaLater /root/deployer/policy.json
