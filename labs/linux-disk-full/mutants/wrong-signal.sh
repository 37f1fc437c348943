#!/bin/sh
# Near miss (after the reference solution): postrotate sends SIGUSR1, which telemetryd does not handle; its default
# action ends the process, so every rotation takes the forwarder down.
set -eu
cat > /etc/logrotate.d/telemetryd <<'CONF'
/var/tmp/telemetry/log/telemetryd.log {
    size 5M
    rotate 4
    compress
    missingok
    postrotate
        kill -USR1 "$(cat /run/telemetryd.pid)"
    endscript
}
CONF
