#!/bin/sh
# Plants the outage: the shop's site moved to port 8080 and a directive lost its semicolon; nginx is down.
set -eu
mkdir -p /var/www/shop /etc/nginx/sites-enabled
printf '<h1>Welcome to the shop</h1>\n' > /var/www/shop/index.html
rm -f /etc/nginx/sites-enabled/default
cat > /etc/nginx/sites-enabled/shop <<'SITE'
server {
    listen 8080;
    root /var/www/shop
    index index.html;
}
SITE
nginx -s stop 2>/dev/null || true
