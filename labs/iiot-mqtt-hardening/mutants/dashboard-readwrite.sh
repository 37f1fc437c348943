#!/bin/sh
# Near miss, on top of the reference solution: the dashboard gets readwrite on plant/#, so it can write set
# points and fake sensor values. ACL changes need only a reload.
set -eu
sed -i 's|^topic read plant/#$|topic readwrite plant/#|' /etc/mosquitto/acl
grep -q '^topic readwrite plant/#$' /etc/mosquitto/acl
service mosquitto reload >/dev/null
sleep 0.5
