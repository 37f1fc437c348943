#!/bin/sh
# Near miss (after the reference solution): the code and the scrape job are right, but the process answering on
# port 8080 still runs the old code. Here the old code is put back from the repository, started, and the new
# code restored on disk without a restart.
set -eu
cd /srv/device-registry
git stash push -q --include-untracked
pkill -f '^node server[.]js$' || true
for _ in $(seq 1 30); do curl -fs http://127.0.0.1:8080/healthz >/dev/null || break; sleep 0.1; done
setsid sh -c 'cd /srv/device-registry && exec node server.js' </dev/null >>/var/log/device-registry.log 2>&1 &
for _ in $(seq 1 50); do curl -fs http://127.0.0.1:8080/healthz >/dev/null && break; sleep 0.1; done
git stash pop -q
node --check server.js
# Let Prometheus scrape the old process (it has no /metrics), as it would long before anyone graded.
for _ in $(seq 1 60); do
  curl -fsG --data-urlencode 'query=min(up{job="device-registry"})' http://127.0.0.1:9090/api/v1/query \
    | grep -q '"0"\]' && break
  sleep 0.5
done
