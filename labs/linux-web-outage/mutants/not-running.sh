#!/bin/sh
# Near miss: the configuration is right, but nginx is never started.
set -eu
sed -i -e 's/listen 8080;/listen 80;/' -e 's|root /var/www/shop$|root /var/www/shop;|' /etc/nginx/sites-enabled/shop
nginx -t
