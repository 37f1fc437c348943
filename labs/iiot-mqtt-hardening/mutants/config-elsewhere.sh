#!/bin/sh
# Near miss, on top of the reference solution: the broker is restarted on a copy of the configuration in /root,
# and the files under /etc/mosquitto go back to the pilot's open drop-in; the next restart of the service opens
# 1883 to anyone again.
set -eu
mkdir -p /root/mosquitto
cp -a /etc/mosquitto/conf.d /root/mosquitto/
sed 's|/etc/mosquitto/conf.d|/root/mosquitto/conf.d|' /etc/mosquitto/mosquitto.conf > /root/mosquitto/mosquitto.conf
printf 'listener 1883\nallow_anonymous true\n' > /etc/mosquitto/conf.d/line1.conf
service mosquitto stop >/dev/null
while pidof mosquitto >/dev/null; do sleep 0.1; done
mosquitto -d -c /root/mosquitto/mosquitto.conf
# Ready when the gateway can publish over TLS again.
i=0
until mosquitto_pub -h localhost -p 8883 --cafile /etc/mosquitto/certs/ca.crt -u line1-gateway -P Gw-line1-4kR9tQ2mX7 \
    -t plant/line1/ready -m 1 2>/dev/null; do
  i=$((i + 1)); [ "$i" -lt 50 ] || exit 1; sleep 0.2
done
