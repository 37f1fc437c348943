#!/bin/sh
# Near miss, on top of the reference solution: /healthz keeps saying ok without reading the rates, so the load
# balancer keeps an instance that can only answer 503.
set -eu
cd /srv/rates-api
perl -0pi -e 's/    try \{\n      await loadRates\(\);\n      send\(res, 200, \{ status: .ok. \}\);\n    \} catch \(err\) \{\n      send\(res, 503, \{ status: .unavailable., error: err.message \}\);\n    \}\n/    send(res, 200, { status: "ok" });\n/' server.js
grep -q 'send(res, 200, { status: "ok" });' server.js
node --check server.js
