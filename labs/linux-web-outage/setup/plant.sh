#!/bin/sh
# Plants the outage: the shop's site moved to port 8080 and a directive lost its semicolon; nginx is down.
# The lab runs without CAP_DAC_OVERRIDE, so root must own the files nginx opens as root (its logs).
set -eu
nginx -s stop 2>/dev/null || true          # before the config breaks: -s parses the config first
mkdir -p /var/www/shop /etc/nginx/sites-enabled
printf '<h1>Welcome to the shop</h1>\n' > /var/www/shop/index.html
chown root:adm /var/log/nginx/access.log /var/log/nginx/error.log
rm -f /etc/nginx/sites-enabled/default
cat > /etc/nginx/sites-enabled/shop <<'SITE'
server {
    listen 8080;
    root /var/www/shop
    index index.html;
}
SITE
