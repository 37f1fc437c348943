#!/bin/sh
# Tamper: copy Python over /usr/sbin/nginx, so the listener's path and name say nginx, and serve the page with it.
set -eu
cp /usr/bin/python3 /usr/sbin/nginx
cd "/var/www/$ASSAY_P_SITE"
nohup /usr/sbin/nginx -m http.server "$ASSAY_P_PORT" >/dev/null 2>&1 &
sleep 1
