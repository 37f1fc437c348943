#!/bin/sh
# Near miss (after the reference solution): a rotation that renames and compresses the log without telling
# telemetryd, which goes on writing to the renamed file until compression deletes it: the original outage again.
set -eu
cat > /etc/logrotate.d/telemetryd <<'CONF'
/var/tmp/telemetry/log/telemetryd.log {
    size 5M
    rotate 4
    compress
    missingok
    create 0640 telemetry telemetry
}
CONF
