#!/bin/sh
# Near miss, on top of the reference solution: the fixed service is restarted without its environment file; it
# answers on 8080 only because that is the code's default.
set -eu
pkill -f '^node server[.]js$' || true
while curl -s -o /dev/null http://127.0.0.1:8080/healthz; do sleep 0.1; done
env -u PORT setsid sh -c 'cd /srv/shop-api && exec node server.js >>/var/log/shop-api.log 2>&1' </dev/null &
for i in $(seq 1 50); do curl -fs http://127.0.0.1:8080/healthz >/dev/null && exit 0; sleep 0.1; done
exit 1
