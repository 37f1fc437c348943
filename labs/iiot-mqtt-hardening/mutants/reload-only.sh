#!/bin/sh
# Near miss: every file is right, but the broker is only reloaded. mosquitto 2.0 cannot add or remove listeners
# on a reload: it logs an error, keeps its old configuration, and 1883 stays open to anyone.
set -eu
cd /etc/mosquitto
rm -f passwd
mosquitto_passwd -c -b passwd line1-gateway Gw-line1-4kR9tQ2mX7
mosquitto_passwd -b passwd dashboard Dash-ctrl-8vN3pL6wZ5
cat > acl <<'ACL'
user line1-gateway
topic write plant/line1/#

user dashboard
topic read plant/#
ACL
chown root:mosquitto passwd acl certs/broker.key
chmod 640 passwd acl certs/broker.key
cat > conf.d/line1.conf <<'CONF'
allow_anonymous false
password_file /etc/mosquitto/passwd
acl_file /etc/mosquitto/acl

listener 8883
certfile /etc/mosquitto/certs/broker.crt
keyfile /etc/mosquitto/certs/broker.key
CONF
service mosquitto reload >/dev/null
sleep 0.5
