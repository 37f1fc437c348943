#!/bin/sh
# Near miss: the configuration is right, but nginx is never started.
set -eu
sed -i -e "s/listen 8080;/listen $ASSAY_P_PORT;/" -e "s/^\( *$ASSAY_P_BROKEN [^;]*\)\$/\1;/" \
  "/etc/nginx/sites-enabled/$ASSAY_P_SITE"
nginx -t
