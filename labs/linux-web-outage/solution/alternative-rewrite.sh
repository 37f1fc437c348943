#!/bin/sh
# A correct alternative: write the site's configuration afresh (rather than patching it), test it, start nginx
# with its configuration named explicitly.
set -eu
cat > "/etc/nginx/sites-enabled/$ASSAY_P_SITE" <<SITE
server {
    listen $ASSAY_P_PORT;
    server_name _;
    root /var/www/$ASSAY_P_SITE;
    index index.html;
    location / { try_files \$uri \$uri/ =404; }
}
SITE
nginx -t -c /etc/nginx/nginx.conf
/usr/sbin/nginx -c /etc/nginx/nginx.conf
