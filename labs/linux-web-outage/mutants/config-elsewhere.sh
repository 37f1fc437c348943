#!/bin/sh
# Near miss: the shop is served on port 80 by nginx, but from a copy of the configuration in /root; the site's
# configuration in /etc/nginx stays broken, so the next restart brings the outage back.
set -eu
mkdir -p /root/nginx
sed -e 's/listen 8080;/listen 80;/' -e 's|root /var/www/shop$|root /var/www/shop;|' \
  /etc/nginx/sites-enabled/shop > /root/nginx/shop
sed 's|include /etc/nginx/sites-enabled/\*;|include /root/nginx/shop;|' /etc/nginx/nginx.conf > /root/nginx/nginx.conf
nginx -c /root/nginx/nginx.conf
