#!/bin/sh
# Near miss (after the reference solution): rotate 0 deletes the old log as it rotates it, so nothing is kept.
set -eu
cat > /etc/logrotate.d/telemetryd <<'CONF'
/var/tmp/telemetry/log/telemetryd.log {
    size 5M
    rotate 0
    missingok
    postrotate
        service telemetryd reload >/dev/null
    endscript
}
CONF
