#!/bin/sh
# Near miss: the syntax is repaired and nginx runs, but the site still listens on 8080.
set -eu
sed -i 's|root /var/www/shop$|root /var/www/shop;|' /etc/nginx/sites-enabled/shop
nginx
