#!/bin/sh
# Near miss (after the reference solution): rotate 0 deletes the old log as it rotates it, so nothing is kept.
set -eu
cat > "/etc/logrotate.d/$ASSAY_P_SERVICE" <<CONF
/var/tmp/$ASSAY_P_USER/log/$ASSAY_P_SERVICE.log {
    size 5M
    rotate 0
    missingok
    postrotate
        service $ASSAY_P_SERVICE reload >/dev/null
    endscript
}
CONF
