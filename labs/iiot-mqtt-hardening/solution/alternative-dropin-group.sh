#!/bin/sh
# Correct alternative: a new drop-in in place of the pilot's, users added one by one to an empty password file,
# secrets given to the mosquitto group (root:mosquitto 0640), the ACL written dashboard first, and the old broker
# killed and a new one started as a daemon on the same configuration.
set -eu
cd /etc/mosquitto
install -o root -g mosquitto -m 0640 /dev/null passwd
mosquitto_passwd -b passwd dashboard Dash-ctrl-8vN3pL6wZ5
mosquitto_passwd -b passwd line1-gateway Gw-line1-4kR9tQ2mX7
chown root:mosquitto passwd
chmod 0640 passwd
printf '%s\n' 'user dashboard' 'topic read plant/#' '' 'user line1-gateway' 'topic write plant/line1/#' > acl
chgrp mosquitto certs/broker.key
chmod 0640 certs/broker.key
rm conf.d/line1.conf
cat > conf.d/10-security.conf <<'CONF'
allow_anonymous false
password_file /etc/mosquitto/passwd
acl_file /etc/mosquitto/acl

listener 8883 0.0.0.0
cafile /etc/mosquitto/certs/ca.crt
certfile /etc/mosquitto/certs/broker.crt
keyfile /etc/mosquitto/certs/broker.key
CONF
pid=$(cat /run/mosquitto.pid 2>/dev/null || pidof mosquitto)
kill $pid
while kill -0 $pid 2>/dev/null; do sleep 0.1; done
mosquitto -d -c /etc/mosquitto/mosquitto.conf
i=0
until mosquitto_sub -h localhost -p 8883 --cafile certs/ca.crt -u dashboard -P Dash-ctrl-8vN3pL6wZ5 -t 'plant/+/status' \
    -C 1 -W 1 >/dev/null 2>&1; do
  i=$((i + 1)); [ "$i" -lt 30 ] || exit 1; sleep 0.1
done
