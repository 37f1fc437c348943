#!/bin/sh
# Near miss, on top of the reference solution: the plaintext listener is kept "for the clients not migrated
# yet". It asks for passwords too, which then cross the plant network in clear.
set -eu
printf '\n# kept until every client speaks TLS\nlistener 1883\n' >> /etc/mosquitto/conf.d/line1.conf
service mosquitto restart >/dev/null
i=0
while [ "$i" -lt 30 ]; do
  ss -ltn | grep -q ":8883 " && exit 0
  sleep 0.2
  i=$((i + 1))
done
exit 1
