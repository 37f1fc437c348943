#!/bin/sh
# Near miss, on top of the reference solution: CreatePolicyVersion removed, but inline role policies made writable
# "to debug them" (iam:*RolePolicy), another way to grant oneself anything.
set -eu
python3 - "arn:aws:iam::$ASSAY_P_ACCOUNT:role/developer" <<'PY'
import json
import sys
path = "/root/review/policies/dev-iam.json"
policy = json.load(open(path))
policy["Statement"].append({"Sid": "DebugInlinePolicies", "Effect": "Allow", "Action": "iam:*RolePolicy",
                            "Resource": sys.argv[1]})
json.dump(policy, open(path, "w"), indent=2)
PY
