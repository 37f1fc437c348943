#!/bin/sh
# Tamper: a logrotate file made only of comments holding every keyword a text check might look for; nothing is
# freed, nothing rotates.
set -eu
cat > /etc/logrotate.d/telemetryd <<'CONF'
# /var/tmp/telemetry/log/telemetryd.log {
#     size 5M
#     rotate 4
#     copytruncate
#     postrotate kill -HUP reload restart
#     endscript
# }
CONF
