#!/bin/sh
# A correct alternative: listen on every IPv4 and IPv6 address explicitly, end every unterminated directive, keep
# nginx in the foreground's place with its daemon setting given on the command line.
set -eu
f=/etc/nginx/sites-enabled/$ASSAY_P_SITE
awk -v port="$ASSAY_P_PORT" '
  /listen/ { print "    listen 0.0.0.0:" port ";"; print "    listen [::]:" port ";"; next }
  /^ *(root|index) [^;]*$/ { print $0 ";"; next }
  { print }
' "$f" > /root/site.new
cat /root/site.new > "$f"
rm -f /root/site.new
nginx -t
nginx -g 'daemon on;'
