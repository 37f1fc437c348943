#!/bin/sh
# Correct alternative: restart the forwarder through its init script (the deleted file is closed with the old
# process), then rotate by size into an archive directory on the same volume, restarting the service afterwards.
set -eu
"/etc/init.d/$ASSAY_P_SERVICE" restart
i=0
until curl -fs -o /dev/null "http://127.0.0.1:$ASSAY_P_PORT/healthz"; do
  i=$((i + 1)); [ "$i" -lt 50 ] || exit 1; sleep 0.2
done
log=/var/tmp/$ASSAY_P_USER/log
printf '%s\n' "$log/$ASSAY_P_SERVICE.log" '{' '	size 8M' '	rotate 3' "	olddir $log/archive" \
  "	createolddir 0750 $ASSAY_P_USER $ASSAY_P_USER" '	compress' '	missingok' '	postrotate' \
  "		/etc/init.d/$ASSAY_P_SERVICE restart >/dev/null 2>&1" '	endscript' '}' > "/etc/logrotate.d/$ASSAY_P_SERVICE"
