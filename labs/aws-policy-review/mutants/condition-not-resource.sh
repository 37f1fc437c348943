#!/bin/sh
# Near miss, on top of the reference solution: PassRole limited by the receiving service only, still on every role,
# so a developer can still hand the admin role to a Lambda function.
set -eu
python3 - <<'PY'
import json
path = "/root/review/policies/dev-deploy.json"
policy = json.load(open(path))
for statement in policy["Statement"]:
    if statement.get("Action") == "iam:PassRole":
        statement["Resource"] = "*"
        statement["Condition"] = {"StringEquals": {"iam:PassedToService": "lambda.amazonaws.com"}}
json.dump(policy, open(path, "w"), indent=2)
PY
grep -q '"Resource": "\*"' /root/review/policies/dev-deploy.json
