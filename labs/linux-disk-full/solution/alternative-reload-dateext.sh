#!/bin/sh
# Correct alternative: find the deleted log through /proc, make telemetryd reopen it with a reload (SIGHUP) rather
# than a restart, and rotate daily or at 16 MiB, whichever comes first, with dated names, a glob, logrotate's su,
# and a postrotate that signals the pid from the pid file.
set -eu
find /proc/[0-9]*/fd -lname '/var/tmp/telemetry/*(deleted)' 2>/dev/null | head -n 3
service telemetryd reload
until curl -fs -o /dev/null http://127.0.0.1:8090/healthz; do sleep 0.2; done
df -h /var/tmp
cat > /etc/logrotate.d/telemetryd <<'CONF'
# telemetryd: rotated daily, or as soon as it passes 16 MiB (the volume is 64 MiB)
/var/tmp/telemetry/log/*.log {
    su telemetry telemetry
    daily
    maxsize 16M
    rotate 7
    dateext
    compress
    delaycompress
    missingok
    notifempty
    create 0640 telemetry telemetry
    sharedscripts
    postrotate
        [ -s /run/telemetryd.pid ] && kill -HUP "$(cat /run/telemetryd.pid)" || true
    endscript
}
CONF
chmod 0644 /etc/logrotate.d/telemetryd
logrotate -d /etc/logrotate.d/telemetryd >/dev/null 2>&1
