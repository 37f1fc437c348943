#!/bin/sh
# Near miss, on top of the reference solution: IAM writes closed with a Deny on everything but IAM reads, which,
# attached to the same role, also denies deploying and running the functions.
set -eu
python3 - <<'PY'
import json
path = "/root/review/policies/dev-iam.json"
policy = json.load(open(path))
policy["Statement"].append({"Sid": "ReadOnlyEverything", "Effect": "Deny", "NotAction": ["iam:Get*", "iam:List*"],
                            "Resource": "*"})
json.dump(policy, open(path, "w"), indent=2)
PY
