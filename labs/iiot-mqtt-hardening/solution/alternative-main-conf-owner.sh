#!/bin/sh
# Correct alternative: everything in mosquitto.conf itself (the pilot's drop-in removed), per-listener security
# settings, the password file hashed in place with mosquitto_passwd -U from a clear file, secrets owned by the
# mosquitto user (0600/0400), TLS 1.2 at least, and a stop and start of the service.
set -eu
cd /etc/mosquitto
umask 077
printf '%s\n' 'line1-gateway:Gw-line1-4kR9tQ2mX7' 'dashboard:Dash-ctrl-8vN3pL6wZ5' > passwd
mosquitto_passwd -U passwd
cat > acl <<'ACL'
# line 1 gateway: publishes its readings, reads nothing
user line1-gateway
topic write plant/line1/#

# control-room dashboard: reads the whole plant, publishes nothing
user dashboard
topic read plant/#
ACL
chown mosquitto:mosquitto passwd acl certs/broker.key
chmod 0600 passwd acl
chmod 0400 certs/broker.key
rm -f conf.d/line1.conf
cat > mosquitto.conf <<'CONF'
# Line 1 broker: TLS only, password and ACL per listener.
per_listener_settings true
persistence true
persistence_location /var/lib/mosquitto/
log_dest file /var/log/mosquitto/mosquitto.log

listener 8883
protocol mqtt
certfile /etc/mosquitto/certs/broker.crt
keyfile /etc/mosquitto/certs/broker.key
tls_version tlsv1.2
allow_anonymous false
password_file /etc/mosquitto/passwd
acl_file /etc/mosquitto/acl
CONF
service mosquitto stop >/dev/null
service mosquitto start >/dev/null
i=0
until mosquitto_pub -h localhost -p 8883 --cafile certs/ca.crt -u dashboard -P Dash-ctrl-8vN3pL6wZ5 -t plant/line1/x -m 0 \
    2>/dev/null; do
  i=$((i + 1)); [ "$i" -lt 50 ] || exit 1; sleep 0.1
done
