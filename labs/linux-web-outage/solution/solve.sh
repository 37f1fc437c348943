#!/bin/sh
# The reference solution: repair the directive that lost its semicolon, move the site to its port, start nginx.
set -eu
f=/etc/nginx/sites-enabled/$ASSAY_P_SITE
sed -i -e "s/listen 8080;/listen $ASSAY_P_PORT;/" -e "s/^\( *$ASSAY_P_BROKEN [^;]*\)\$/\1;/" "$f"
nginx -t
nginx
