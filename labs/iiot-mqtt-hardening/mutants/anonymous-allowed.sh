#!/bin/sh
# Near miss, on top of the reference solution: passwords, ACL and TLS are in place, but anonymous clients are
# still let in (and, with an ACL file, get whatever its lines before any "user" grant them).
set -eu
sed -i 's/^allow_anonymous false$/allow_anonymous true/' /etc/mosquitto/conf.d/line1.conf
grep -q '^allow_anonymous true$' /etc/mosquitto/conf.d/line1.conf
service mosquitto restart >/dev/null
i=0
while [ "$i" -lt 30 ]; do
  ss -ltn | grep -q ":8883 " && exit 0
  sleep 0.2
  i=$((i + 1))
done
exit 1
