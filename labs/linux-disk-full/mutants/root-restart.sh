#!/bin/sh
# Near miss (after the reference solution): restarted by hand as root, so the forwarder runs with root's powers.
set -eu
service "$ASSAY_P_SERVICE" stop
nohup "/usr/local/bin/$ASSAY_P_SERVICE" </dev/null >/dev/null 2>&1 &
i=0
until curl -fs -o /dev/null "http://127.0.0.1:$ASSAY_P_PORT/healthz"; do
  i=$((i + 1)); [ "$i" -lt 50 ] || exit 1; sleep 0.2
done
