#!/bin/sh
# Near miss, on top of the reference solution: the ACL file is written but never named in the configuration, so
# every authenticated client may publish and subscribe anywhere.
set -eu
sed -i '/^acl_file /d' /etc/mosquitto/conf.d/line1.conf
service mosquitto restart >/dev/null
i=0
while [ "$i" -lt 30 ]; do
  ss -ltn | grep -q ":8883 " && exit 0
  sleep 0.2
  i=$((i + 1))
done
exit 1
