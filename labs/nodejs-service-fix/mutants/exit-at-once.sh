#!/bin/sh
# Near miss, on top of the reference solution: SIGTERM closes the server and exits at once, so the requests in
# flight are cut off (the words close and SIGTERM are there; the drain is not).
set -eu
cd /srv/shop-api
sed -i 's|    server.close(() => process.exit(0));|    server.close();\n    process.exit(0);|' server.js
grep -q '^    process.exit(0);$' server.js
node --test >/dev/null
pkill -f '^node server[.]js$' || true
while curl -s -o /dev/null http://127.0.0.1:8080/healthz; do sleep 0.1; done
set -a; . /etc/shop-api.env; set +a
setsid sh -c 'cd /srv/shop-api && exec node server.js >>/var/log/shop-api.log 2>&1' </dev/null &
for i in $(seq 1 50); do curl -fs http://127.0.0.1:8080/healthz >/dev/null && exit 0; sleep 0.1; done
exit 1
