#!/bin/sh
# Near miss: the shop is served on its port by nginx, but from a copy of the configuration in /root; the site's
# configuration in /etc/nginx stays broken, so the next restart brings the outage back.
set -eu
mkdir -p /root/nginx
sed -e "s/listen 8080;/listen $ASSAY_P_PORT;/" -e "s/^\( *$ASSAY_P_BROKEN [^;]*\)\$/\1;/" \
  "/etc/nginx/sites-enabled/$ASSAY_P_SITE" > /root/nginx/site
sed 's|include /etc/nginx/sites-enabled/\*;|include /root/nginx/site;|' /etc/nginx/nginx.conf > /root/nginx/nginx.conf
nginx -c /root/nginx/nginx.conf
