#!/bin/sh
# Near miss: the syntax is repaired and nginx runs, but the site still listens on 8080, where it was planted.
set -eu
sed -i "s/^\( *$ASSAY_P_BROKEN [^;]*\)\$/\1;/" "/etc/nginx/sites-enabled/$ASSAY_P_SITE"
nginx
