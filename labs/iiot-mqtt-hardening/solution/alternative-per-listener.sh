#!/bin/sh
# A correct alternative: per-listener security in the main configuration file (the pilot's drop-in removed), the
# password file written in clear and hashed in place with mosquitto_passwd -U, the secrets owned by the mosquitto
# user, TLS 1.2 as the floor; the broker stopped and started again.
set -eu
cd /etc/mosquitto
service mosquitto stop >/dev/null

umask 077
printf 'line1-gateway:Gw-line1-4kR9tQ2mX7\ndashboard:Dash-ctrl-8vN3pL6wZ5\n' > passwd
mosquitto_passwd -U passwd
umask 022

cat > acl <<'ACL'
# OPS-431: least privilege for the line 1 broker.
# The Node-RED flow on the line 1 gateway only publishes its own line's readings.
user line1-gateway
topic write plant/line1/#
# The control-room dashboard only reads.
user dashboard
topic read plant/#
ACL

chown mosquitto:mosquitto passwd acl certs/broker.key
chmod 600 passwd acl
chmod 400 certs/broker.key

rm -f conf.d/line1.conf
cat >> mosquitto.conf <<'CONF'

# Line 1 broker (OPS-431): one listener, TLS only, its own authentication and ACL.
per_listener_settings true
listener 8883 0.0.0.0
protocol mqtt
certfile /etc/mosquitto/certs/broker.crt
keyfile /etc/mosquitto/certs/broker.key
tls_version tlsv1.2
allow_anonymous false
password_file /etc/mosquitto/passwd
acl_file /etc/mosquitto/acl
CONF

service mosquitto start >/dev/null
i=0
while [ "$i" -lt 30 ]; do
  if mosquitto_sub -h localhost -p 8883 --cafile certs/ca.crt -u dashboard -P Dash-ctrl-8vN3pL6wZ5 \
       -t 'plant/#' -C 1 -W 1 >/dev/null 2>&1 || [ $? -eq 27 ]; then
    exit 0
  fi
  sleep 0.2
  i=$((i + 1))
done
echo "the broker does not answer on 8883" >&2
exit 1
