#!/bin/sh
# Near miss: nginx runs on port 80, but the site's root points at nginx's default page, not the shop.
set -eu
sed -i -e 's/listen 8080;/listen 80;/' -e 's|root /var/www/shop$|root /var/www/html;|' /etc/nginx/sites-enabled/shop
nginx
