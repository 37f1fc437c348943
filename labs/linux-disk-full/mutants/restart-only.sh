#!/bin/sh
# Near miss: the restart frees the space, but nothing stops the log from filling the volume again.
set -eu
service "$ASSAY_P_SERVICE" restart
i=0
until curl -fs -o /dev/null "http://127.0.0.1:$ASSAY_P_PORT/healthz"; do
  i=$((i + 1)); [ "$i" -lt 50 ] || exit 1; sleep 0.2
done
