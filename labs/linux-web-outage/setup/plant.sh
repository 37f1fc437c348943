#!/bin/sh
# Plants the outage: the site moved to port 8080 and one directive (root or index, drawn per session) lost its
# semicolon; nginx is down. The shop must come back on $ASSAY_P_PORT, its site is $ASSAY_P_SITE (lab.yaml, parameters).
# The lab runs without CAP_DAC_OVERRIDE, so root must own the files nginx opens as root (its logs).
set -eu
site=$ASSAY_P_SITE
root_end=';'
index_end=';'
case $ASSAY_P_BROKEN in
  root) root_end= ;;
  index) index_end= ;;
esac
nginx -s stop 2>/dev/null || true          # before the config breaks: -s parses the config first
mkdir -p "/var/www/$site" /etc/nginx/sites-enabled
printf '<h1>Welcome to the %s</h1>\n' "$site" > "/var/www/$site/index.html"
chown root:adm /var/log/nginx/access.log /var/log/nginx/error.log
rm -f /etc/nginx/sites-enabled/default
cat > "/etc/nginx/sites-enabled/$site" <<SITE
server {
    listen 8080;
    root /var/www/$site$root_end
    index index.html$index_end
}
SITE
