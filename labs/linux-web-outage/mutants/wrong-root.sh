#!/bin/sh
# Near miss: nginx runs on the right port, but the site's root points at nginx's default page, not the shop.
set -eu
f=/etc/nginx/sites-enabled/$ASSAY_P_SITE
sed -i -e "s/listen 8080;/listen $ASSAY_P_PORT;/" -e "s/^\( *$ASSAY_P_BROKEN [^;]*\)\$/\1;/" "$f"
sed -i "s|root /var/www/$ASSAY_P_SITE;|root /var/www/html;|" "$f"
nginx
