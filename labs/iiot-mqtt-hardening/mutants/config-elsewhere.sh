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
i=0
while [ "$i" -lt 30 ]; do
  ss -ltn | grep -q ":8883 " && exit 0
  sleep 0.2
  i=$((i + 1))
done
exit 1
