#!/bin/sh
# The reference solution: repair the directive, move the site back to port 80, start nginx.
set -eu
sed -i -e 's/listen 8080;/listen 80;/' -e 's|root /var/www/shop$|root /var/www/shop;|' /etc/nginx/sites-enabled/shop
nginx -t
nginx
