#!/bin/sh
# Near miss (after the reference solution): a rotation that renames and compresses the log without telling the
# forwarder, which goes on writing to the renamed file until compression deletes it: the original outage again.
set -eu
cat > "/etc/logrotate.d/$ASSAY_P_SERVICE" <<CONF
/var/tmp/$ASSAY_P_USER/log/$ASSAY_P_SERVICE.log {
    size 5M
    rotate 4
    compress
    missingok
    create 0640 $ASSAY_P_USER $ASSAY_P_USER
}
CONF
