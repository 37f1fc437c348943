#!/bin/sh
# Alternative: no restart. A HUP makes the forwarder reopen its log (which closes the deleted one and frees the
# space); rotation copies and truncates the live file, so no signal is needed afterwards, run daily or by size.
set -eu
pid=$(cat "/run/$ASSAY_P_SERVICE.pid")
ls -l /proc/"$pid"/fd | grep deleted || true
kill -HUP "$pid"
sleep 0.5
df -h /var/tmp

cat > "/etc/logrotate.d/$ASSAY_P_SERVICE" <<CONF
/var/tmp/$ASSAY_P_USER/log/*.log {
    maxsize 8M
    daily
    rotate 7
    compress
    missingok
    copytruncate
}
CONF
logrotate -d "/etc/logrotate.d/$ASSAY_P_SERVICE"
