#!/bin/sh
# Near miss, on top of the reference solution: the ACL file is written but never named in the configuration, so
# every authenticated client may publish and subscribe anywhere.
set -eu
sed -i '/^acl_file /d' /etc/mosquitto/conf.d/line1.conf
service mosquitto restart >/dev/null
# Ready when the gateway can publish over TLS again.
i=0
until mosquitto_pub -h localhost -p 8883 --cafile /etc/mosquitto/certs/ca.crt -u line1-gateway -P Gw-line1-4kR9tQ2mX7 \
    -t plant/line1/ready -m 1 2>/dev/null; do
  i=$((i + 1)); [ "$i" -lt 50 ] || exit 1; sleep 0.2
done
