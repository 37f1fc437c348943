#!/bin/sh
# Near miss, on top of the reference solution: the request counter is cleared after every scrape (counts "since
# the last scrape", as a StatsD client would), so it goes down and rate() sees a reset at every scrape.
set -eu
cd /srv/device-registry
sed -i 's|      res.end(registry.render());|      res.end(registry.render());\n      requestsTotal.series.clear();|' server.js
grep -q 'requestsTotal.series.clear();' server.js
pkill -f '^node server[.]js$' || true
for _ in $(seq 1 30); do curl -fs http://127.0.0.1:8080/healthz >/dev/null || break; sleep 0.1; done
setsid sh -c 'cd /srv/device-registry && exec node server.js' </dev/null >>/var/log/device-registry.log 2>&1 &
for _ in $(seq 1 50); do curl -fs http://127.0.0.1:8080/metrics >/dev/null && exit 0; sleep 0.1; done
exit 1
