#!/bin/sh
# Near miss, on top of the reference solution: on SIGTERM it waits for the requests in flight and exits, but never
# stops listening, so the load balancer's new connections keep landing on a process about to exit.
set -eu
cd /srv/shop-api
sed -i 's|    server.close(() => process.exit(0));|    const idle = () => server.getConnections((err, n) => (n === 0 ? process.exit(0) : setTimeout(idle, 50)));\n    idle();|' server.js
grep -q 'server.getConnections' server.js
node --test >/dev/null
pkill -f '^node server[.]js$' || true
while curl -s -o /dev/null http://127.0.0.1:8080/healthz; do sleep 0.1; done
set -a; . /etc/shop-api.env; set +a
setsid sh -c 'cd /srv/shop-api && exec node server.js >>/var/log/shop-api.log 2>&1' </dev/null &
for i in $(seq 1 50); do curl -fs http://127.0.0.1:8080/healthz >/dev/null && exit 0; sleep 0.1; done
exit 1
