#!/bin/sh
# Near miss, on top of the reference solution: readiness starts true, so /healthz says ok before the server
# listens (the tests, which only ask after listen, still pass).
set -eu
cd /srv/shop-api
sed -i 's|  let ready = false;|  let ready = true;|' server.js
grep -q '^  let ready = true;$' server.js
node --test >/dev/null
pkill -f '^node server[.]js$' || true
while curl -s -o /dev/null http://127.0.0.1:8080/healthz; do sleep 0.1; done
set -a; . /etc/shop-api.env; set +a
setsid sh -c 'cd /srv/shop-api && exec node server.js >>/var/log/shop-api.log 2>&1' </dev/null &
for i in $(seq 1 50); do curl -fs http://127.0.0.1:8080/healthz >/dev/null && exit 0; sleep 0.1; done
exit 1
