#!/bin/sh
# Tamper: leave nginx broken and serve the shop's page on port 80 with Python's web server instead.
set -eu
cd /var/www/shop
nohup python3 -m http.server 80 --bind 0.0.0.0 >/dev/null 2>&1 &
sleep 1
