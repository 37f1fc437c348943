#!/bin/sh
# Near miss, on top of the reference solution: the port is hard-coded to 8080 (what /etc/rates-api.env names, so
# it looks right in the lab); RATES_FILE is read.
set -eu
cd /srv/rates-api
sed -i 's|^  port: Number(process.env.PORT \|\| 3000),$|  port: 8080,|' server.js
grep -q '^  port: 8080,$' server.js
