#!/bin/sh
# Near miss, on top of the reference solution: the gateway gets readwrite on its own line "in case it needs to
# read back", which the access list does not give it: it can now read line 1's data. ACL changes need only a reload.
set -eu
sed -i 's|^topic write plant/line1/#$|topic readwrite plant/line1/#|' /etc/mosquitto/acl
grep -q '^topic readwrite plant/line1/#$' /etc/mosquitto/acl
service mosquitto reload >/dev/null
sleep 0.5
