#!/bin/sh
# Correct alternative: find the deleted log through /proc, make the forwarder reopen it with a reload (SIGHUP)
# rather than a restart, and rotate daily or at 16 MiB, whichever comes first, with dated names, a glob,
# logrotate's su, and a postrotate that signals the pid from the pid file.
set -eu
find /proc/[0-9]*/fd -lname "/var/tmp/$ASSAY_P_USER/*(deleted)" 2>/dev/null | head -n 3
service "$ASSAY_P_SERVICE" reload
i=0
until curl -fs -o /dev/null "http://127.0.0.1:$ASSAY_P_PORT/healthz"; do
  i=$((i + 1)); [ "$i" -lt 50 ] || exit 1; sleep 0.2
done
df -h /var/tmp
cat > "/etc/logrotate.d/$ASSAY_P_SERVICE" <<CONF
# $ASSAY_P_SERVICE: rotated daily, or as soon as it passes 16 MiB (the volume is 64 MiB)
/var/tmp/$ASSAY_P_USER/log/*.log {
    su $ASSAY_P_USER $ASSAY_P_USER
    daily
    maxsize 16M
    rotate 7
    dateext
    compress
    delaycompress
    missingok
    notifempty
    create 0640 $ASSAY_P_USER $ASSAY_P_USER
    sharedscripts
    postrotate
        [ -s /run/$ASSAY_P_SERVICE.pid ] && kill -HUP "\$(cat /run/$ASSAY_P_SERVICE.pid)" || true
    endscript
}
CONF
chmod 0644 "/etc/logrotate.d/$ASSAY_P_SERVICE"
logrotate -d "/etc/logrotate.d/$ASSAY_P_SERVICE" >/dev/null 2>&1
