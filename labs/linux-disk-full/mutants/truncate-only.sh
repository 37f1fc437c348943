#!/bin/sh
# Near miss: empties the deleted file through the process's descriptor, which frees the space, but telemetryd
# keeps writing to a file nobody can see or rotate.
set -eu
pid=$(cat /run/telemetryd.pid)
for fd in /proc/"$pid"/fd/*; do
  case "$(readlink "$fd")" in *'(deleted)') : > "$fd" ;; esac
done
cat > /etc/logrotate.d/telemetryd <<'CONF'
/var/tmp/telemetry/log/telemetryd.log {
    size 5M
    rotate 4
    compress
    missingok
    copytruncate
}
CONF
