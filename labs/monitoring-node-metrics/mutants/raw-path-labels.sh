#!/bin/sh
# Near miss, on top of the reference solution: the route label is the request's raw URL (ids and query strings
# included), so every device and every query makes new series.
set -eu
cd /srv/device-registry
sed -i "s|const route = found ? found.route.path : 'unmatched';|const route = req.url;|" server.js
grep -q 'const route = req.url;' server.js
pkill -f '^node server[.]js$' || true
for _ in $(seq 1 30); do curl -fs http://127.0.0.1:8080/healthz >/dev/null || break; sleep 0.1; done
setsid sh -c 'cd /srv/device-registry && exec node server.js' </dev/null >>/var/log/device-registry.log 2>&1 &
for _ in $(seq 1 50); do curl -fs http://127.0.0.1:8080/metrics >/dev/null && exit 0; sleep 0.1; done
exit 1
