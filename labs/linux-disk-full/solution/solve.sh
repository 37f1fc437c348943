#!/bin/sh
# Reference: find the space held by a deleted but open file, restart the service so it lets go, then rotate the
# log by size and tell the forwarder to reopen it after each rotation. The service, its user (and data folder)
# and its port are the session's ($ASSAY_P_SERVICE, $ASSAY_P_USER, $ASSAY_P_PORT).
set -eu
svc=$ASSAY_P_SERVICE
data=/var/tmp/$ASSAY_P_USER
df -h /var/tmp
du -sh "$data"
lsof +L1 || true                      # the forwarder holds $data/log/$svc.log (deleted)
service "$svc" restart
i=0
until curl -fsS "http://127.0.0.1:$ASSAY_P_PORT/healthz"; do
  i=$((i + 1)); [ "$i" -lt 50 ] || exit 1; sleep 0.2
done

cat > "/etc/logrotate.d/$svc" <<CONF
$data/log/$svc.log {
    size 5M
    rotate 4
    compress
    delaycompress
    missingok
    notifempty
    create 0640 $ASSAY_P_USER $ASSAY_P_USER
    postrotate
        service $svc reload >/dev/null 2>&1 || true
    endscript
}
CONF
logrotate -d "/etc/logrotate.d/$svc"
