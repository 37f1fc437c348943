#!/bin/sh
# Near miss, on top of the reference solution: CI may also delete objects under releases/ ("to clean up old
# releases"), which deploy.sh never does.
set -eu
python3 - <<'PY'
import json
path = "/root/deployer/policy.json"
policy = json.load(open(path))
policy["Statement"].append({"Sid": "CleanUpOldReleases", "Effect": "Allow", "Action": "s3:DeleteObject",
                            "Resource": "arn:aws:s3:::shop-site/releases/*"})
json.dump(policy, open(path, "w"), indent=2)
PY
