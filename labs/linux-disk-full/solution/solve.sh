#!/bin/sh
# Reference: find the space held by a deleted but open file, restart the service so it lets go, then rotate the
# log by size and tell telemetryd to reopen it after each rotation.
set -eu
df -h /var/tmp
du -sh /var/tmp/telemetry
lsof +L1 || true                      # telemetryd holds /var/tmp/telemetry/log/telemetryd.log (deleted)
service telemetryd restart
until curl -fsS http://127.0.0.1:8090/healthz; do sleep 0.2; done

cat > /etc/logrotate.d/telemetryd <<'CONF'
/var/tmp/telemetry/log/telemetryd.log {
    size 5M
    rotate 4
    compress
    delaycompress
    missingok
    notifempty
    create 0640 telemetry telemetry
    postrotate
        service telemetryd reload >/dev/null 2>&1 || true
    endscript
}
CONF
logrotate -d /etc/logrotate.d/telemetryd
