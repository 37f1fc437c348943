#!/bin/sh
# Near miss, on top of the reference solution: a "break-glass" grant of every S3 action on the bucket whenever the
# request says MFA was used. The allowed deploy still works; any request with MFA can do anything to the bucket.
set -eu
python3 - <<'PY'
import json
path = "/root/deployer/policy.json"
policy = json.load(open(path))
policy["Statement"].append({"Sid": "BreakGlass", "Effect": "Allow", "Action": "s3:*",
                            "Resource": ["arn:aws:s3:::shop-site", "arn:aws:s3:::shop-site/*"],
                            "Condition": {"Bool": {"aws:MultiFactorAuthPresent": "true"}}})
json.dump(policy, open(path, "w"), indent=2)
PY
