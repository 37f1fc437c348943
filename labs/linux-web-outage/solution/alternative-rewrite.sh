#!/bin/sh
# A correct alternative: write the site's configuration afresh (rather than patching it), test it, start nginx
# with its configuration named explicitly.
set -eu
cat > /etc/nginx/sites-enabled/shop <<'SITE'
server {
    listen 80;
    server_name _;
    root /var/www/shop;
    index index.html;
    location / { try_files $uri $uri/ =404; }
}
SITE
nginx -t -c /etc/nginx/nginx.conf
/usr/sbin/nginx -c /etc/nginx/nginx.conf
