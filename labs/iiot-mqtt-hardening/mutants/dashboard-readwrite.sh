#!/bin/sh
# Near miss, on top of the reference solution: the dashboard gets readwrite on plant/#, so it can write set
# points and fake sensor values. ACL changes need only a reload.
set -eu
sed -i 's|^topic read plant/#$|topic readwrite plant/#|' /etc/mosquitto/acl
grep -q '^topic readwrite plant/#$' /etc/mosquitto/acl
service mosquitto reload >/dev/null
sleep 0.5
# Ready when the gateway can publish over TLS after the reload.
i=0
until mosquitto_pub -h localhost -p 8883 --cafile /etc/mosquitto/certs/ca.crt -u line1-gateway -P Gw-line1-4kR9tQ2mX7 \
    -t plant/line1/ready -m 1 2>/dev/null; do
  i=$((i + 1)); [ "$i" -lt 50 ] || exit 1; sleep 0.2
done
