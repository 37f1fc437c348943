#!/bin/sh
# Near miss, on top of the reference solution: readiness starts true, so the health path says ok before the server
# listens (the tests, which only ask after listen, still pass).
set -eu
cd "/srv/$ASSAY_P_SERVICE"
sed -i 's|  let ready = false;|  let ready = true;|' server.js
grep -q '^  let ready = true;$' server.js
node --test >/dev/null
pkill -f '^node server[.]js$' || true
while curl -s -o /dev/null "http://127.0.0.1:$ASSAY_P_PORT/$ASSAY_P_HEALTH"; do sleep 0.1; done
set -a; . "/etc/$ASSAY_P_SERVICE.env"; set +a
setsid sh -c "cd /srv/$ASSAY_P_SERVICE && exec node server.js >>/var/log/$ASSAY_P_SERVICE.log 2>&1" </dev/null &
for i in $(seq 1 50); do curl -fs "http://127.0.0.1:$ASSAY_P_PORT/$ASSAY_P_HEALTH" >/dev/null && exit 0; sleep 0.1; done
exit 1
