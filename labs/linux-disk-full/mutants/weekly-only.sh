#!/bin/sh
# Near miss (after the reference solution): a weekly rotation with no size limit; one chatty night fills the
# 64 MiB volume long before the week is over.
set -eu
cat > "/etc/logrotate.d/$ASSAY_P_SERVICE" <<CONF
/var/tmp/$ASSAY_P_USER/log/$ASSAY_P_SERVICE.log {
    weekly
    rotate 4
    compress
    copytruncate
}
CONF
