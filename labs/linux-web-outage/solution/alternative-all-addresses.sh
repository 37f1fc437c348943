#!/bin/sh
# A correct alternative: listen on every IPv4 and IPv6 address explicitly, keep nginx in the foreground's place
# with its daemon setting given on the command line.
set -eu
f=/etc/nginx/sites-enabled/shop
awk '
  /listen/ { print "    listen 0.0.0.0:80;"; print "    listen [::]:80;"; next }
  /root \/var\/www\/shop$/ { print "    root /var/www/shop;"; next }
  { print }
' "$f" > /root/shop.new
cat /root/shop.new > "$f"
rm -f /root/shop.new
nginx -t
nginx -g 'daemon on;'
