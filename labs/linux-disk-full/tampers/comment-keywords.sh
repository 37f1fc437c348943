#!/bin/sh
# Tamper: a logrotate file made only of comments holding every keyword a text check might look for; nothing is
# freed, nothing rotates.
set -eu
cat > "/etc/logrotate.d/$ASSAY_P_SERVICE" <<CONF
# /var/tmp/$ASSAY_P_USER/log/$ASSAY_P_SERVICE.log {
#     size 5M
#     rotate 4
#     copytruncate
#     postrotate kill -HUP reload restart
#     endscript
# }
CONF
