#!/bin/sh
# A correct alternative: the Debian layout, the site kept in sites-available and enabled by a relative link.
set -eu
mkdir -p /etc/nginx/sites-available
cat > "/etc/nginx/sites-available/$ASSAY_P_SITE" <<SITE
server {
	listen $ASSAY_P_PORT default_server;
	root /var/www/$ASSAY_P_SITE;
	index index.html;
}
SITE
rm -f "/etc/nginx/sites-enabled/$ASSAY_P_SITE"
ln -s "../sites-available/$ASSAY_P_SITE" "/etc/nginx/sites-enabled/$ASSAY_P_SITE"
nginx -t && nginx
