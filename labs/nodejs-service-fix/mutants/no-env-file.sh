#!/bin/sh
# Near miss, on top of the reference solution: the fixed service is restarted without its environment file; it
# listens on the code's default port (8080), not the one the file names.
set -eu
pkill -f '^node server[.]js$' || true
while curl -s -o /dev/null "http://127.0.0.1:$ASSAY_P_PORT/$ASSAY_P_HEALTH"; do sleep 0.1; done
env -u "$ASSAY_P_PORTVAR" setsid sh -c "cd /srv/$ASSAY_P_SERVICE && exec node server.js >>/var/log/$ASSAY_P_SERVICE.log 2>&1" </dev/null &
for i in $(seq 1 50); do curl -fs "http://127.0.0.1:8080/$ASSAY_P_HEALTH" >/dev/null && exit 0; sleep 0.1; done
exit 1
