#!/bin/sh
# Near miss, on top of the reference solution: the gateway gets readwrite on its own line "in case it needs to
# read back", which the access list does not give it: it can now read line 1's data. ACL changes need only a reload.
set -eu
sed -i 's|^topic write plant/line1/#$|topic readwrite plant/line1/#|' /etc/mosquitto/acl
grep -q '^topic readwrite plant/line1/#$' /etc/mosquitto/acl
service mosquitto reload >/dev/null
sleep 0.5
# Ready when the gateway can publish over TLS after the reload.
i=0
until mosquitto_pub -h localhost -p 8883 --cafile /etc/mosquitto/certs/ca.crt -u line1-gateway -P Gw-line1-4kR9tQ2mX7 \
    -t plant/line1/ready -m 1 2>/dev/null; do
  i=$((i + 1)); [ "$i" -lt 50 ] || exit 1; sleep 0.2
done
