#!/bin/sh
# Near miss, on top of the reference solution: each bucket counts only the observations between its bound and the
# one below it, as in a bar chart; Prometheus buckets are cumulative, so histogram_quantile() comes out wrong.
set -eu
cd /srv/device-registry
sed -i 's|if (value <= le) s.counts\[i\] += 1;|if (value <= le \&\& (i === 0 \|\| value > this.buckets[i - 1])) s.counts[i] += 1;|' metrics.js
grep -q 'value > this.buckets\[i - 1\]' metrics.js
pkill -f '^node server[.]js$' || true
for _ in $(seq 1 30); do curl -fs http://127.0.0.1:8080/healthz >/dev/null || break; sleep 0.1; done
setsid sh -c 'cd /srv/device-registry && exec node server.js' </dev/null >>/var/log/device-registry.log 2>&1 &
for _ in $(seq 1 50); do curl -fs http://127.0.0.1:8080/metrics >/dev/null && exit 0; sleep 0.1; done
exit 1
