#!/bin/sh
# Near miss, on top of the reference solution: object ARNs written as releases* instead of releases/*, so CI can
# also write releases-archive/, releases.bak and any other key that starts with "releases".
set -eu
python3 - <<'PY'
import json
path = "/root/deployer/policy.json"
text = open(path).read()
assert "shop-site/releases/*" in text
json.dump(json.loads(text.replace("shop-site/releases/*", "shop-site/releases*")), open(path, "w"), indent=2)
PY
