#!/bin/sh
# A correct alternative: the Debian layout, the site kept in sites-available and enabled by a relative link.
set -eu
mkdir -p /etc/nginx/sites-available
cat > /etc/nginx/sites-available/shop <<'SITE'
server {
	listen 80 default_server;
	root /var/www/shop;
	index index.html;
}
SITE
rm -f /etc/nginx/sites-enabled/shop
ln -s ../sites-available/shop /etc/nginx/sites-enabled/shop
nginx -t && nginx
