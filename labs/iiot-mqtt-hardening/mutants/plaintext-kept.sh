#!/bin/sh
# Near miss, on top of the reference solution: the plaintext listener is kept "for the clients not migrated
# yet". It asks for passwords too, which then cross the plant network in clear.
set -eu
printf '\n# kept until every client speaks TLS\nlistener 1883\n' >> /etc/mosquitto/conf.d/line1.conf
service mosquitto restart >/dev/null
# Ready when the gateway can publish over TLS again.
i=0
until mosquitto_pub -h localhost -p 8883 --cafile /etc/mosquitto/certs/ca.crt -u line1-gateway -P Gw-line1-4kR9tQ2mX7 \
    -t plant/line1/ready -m 1 2>/dev/null; do
  i=$((i + 1)); [ "$i" -lt 50 ] || exit 1; sleep 0.2
done
