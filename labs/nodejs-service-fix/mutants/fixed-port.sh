#!/bin/sh
# Near miss, on top of the reference solution: the port is hard-coded to 8080. In this lab PORT is 8080, so the
# running service looks right; started with another PORT, it still takes 8080.
set -eu
cd /srv/shop-api
sed -i 's|  const port = Number(process.env.PORT \|\| 8080);|  const port = 8080;|' server.js
grep -q '^  const port = 8080;$' server.js
node --test >/dev/null
pkill -f '^node server[.]js$' || true
while curl -s -o /dev/null http://127.0.0.1:8080/healthz; do sleep 0.1; done
set -a; . /etc/shop-api.env; set +a
setsid sh -c 'cd /srv/shop-api && exec node server.js >>/var/log/shop-api.log 2>&1' </dev/null &
for i in $(seq 1 50); do curl -fs http://127.0.0.1:8080/healthz >/dev/null && exit 0; sleep 0.1; done
exit 1
