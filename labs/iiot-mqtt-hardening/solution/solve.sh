#!/bin/sh
# The reference solution: hashed passwords for the two clients, an ACL that gives each exactly its access, a TLS
# listener on 8883 in place of the plaintext one, anonymous clients refused. Files the broker reads after it
# drops to the mosquitto user are root-owned and group-readable by mosquitto only. Then a restart: a reload
# (SIGHUP) does not open or close listeners.
set -eu
cd /etc/mosquitto

rm -f passwd
mosquitto_passwd -c -b passwd line1-gateway Gw-line1-4kR9tQ2mX7
mosquitto_passwd -b passwd dashboard Dash-ctrl-8vN3pL6wZ5

cat > acl <<'ACL'
# Line 1 broker: who may do what (OPS-431). Anything not granted here is denied.
user line1-gateway
topic write plant/line1/#

user dashboard
topic read plant/#
ACL

chown root:mosquitto passwd acl certs/broker.key
chmod 640 passwd acl certs/broker.key

cat > conf.d/line1.conf <<'CONF'
# Line 1 broker (OPS-412, hardened in OPS-431): TLS only, every client authenticated and bound by the ACL.
# Node-RED on the line 1 gateway publishes sensor data; the control-room dashboard reads it.
allow_anonymous false
password_file /etc/mosquitto/passwd
acl_file /etc/mosquitto/acl

listener 8883
certfile /etc/mosquitto/certs/broker.crt
keyfile /etc/mosquitto/certs/broker.key
CONF

service mosquitto restart >/dev/null
i=0
while [ "$i" -lt 30 ]; do
  mosquitto_pub -h 127.0.0.1 -p 8883 --cafile /etc/mosquitto/certs/ca.crt -u line1-gateway -P Gw-line1-4kR9tQ2mX7 \
    -t plant/line1/selftest -m ok 2>/dev/null && exit 0
  sleep 0.2
  i=$((i + 1))
done
echo "the broker does not answer on 8883" >&2
exit 1
