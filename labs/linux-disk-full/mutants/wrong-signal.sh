#!/bin/sh
# Near miss (after the reference solution): postrotate sends SIGUSR1, which the forwarder does not handle; its
# default action ends the process, so every rotation takes the forwarder down.
set -eu
cat > "/etc/logrotate.d/$ASSAY_P_SERVICE" <<CONF
/var/tmp/$ASSAY_P_USER/log/$ASSAY_P_SERVICE.log {
    size 5M
    rotate 4
    compress
    missingok
    postrotate
        kill -USR1 "\$(cat /run/$ASSAY_P_SERVICE.pid)"
    endscript
}
CONF
