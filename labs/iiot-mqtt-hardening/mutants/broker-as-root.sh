#!/bin/sh
# Near miss, on top of the reference solution: rather than giving the mosquitto user read access to the key and
# the password file, the broker is told to keep running as root.
set -eu
printf '\n# the broker could not read its key\nuser root\n' >> /etc/mosquitto/conf.d/line1.conf
service mosquitto restart >/dev/null
i=0
while [ "$i" -lt 30 ]; do
  ss -ltn | grep -q ":8883 " && exit 0
  sleep 0.2
  i=$((i + 1))
done
exit 1
