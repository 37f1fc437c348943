#!/bin/sh
# Tamper: leave nginx broken and serve the shop's page on its port with Python's web server instead.
set -eu
cd "/var/www/$ASSAY_P_SITE"
nohup python3 -m http.server "$ASSAY_P_PORT" --bind 0.0.0.0 >/dev/null 2>&1 &
sleep 1
