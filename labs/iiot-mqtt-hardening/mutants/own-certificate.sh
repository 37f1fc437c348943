#!/bin/sh
# Near miss, on top of the reference solution: a self-made CA and broker certificate instead of the plant PKI's
# (ca.crt replaced too, so clients that trust the file on this machine still connect).
set -eu
cd /etc/mosquitto/certs
openssl ecparam -name prime256v1 -genkey -noout -out /root/own-ca.key 2>/dev/null
openssl req -new -x509 -key /root/own-ca.key -subj "/O=Acme Plant/CN=Acme Plant OT CA" -days 365 -out ca.crt 2>/dev/null
openssl ecparam -name prime256v1 -genkey -noout -out broker.key 2>/dev/null
openssl req -new -key broker.key -subj "/O=Acme Plant/CN=mqtt.line1.plant.local" -out /root/broker.csr 2>/dev/null
printf 'subjectAltName=DNS:mqtt.line1.plant.local,DNS:localhost,IP:127.0.0.1\n' > /root/ext.cnf
openssl x509 -req -in /root/broker.csr -CA ca.crt -CAkey /root/own-ca.key -CAcreateserial -CAserial /root/ca.srl \
  -days 365 -extfile /root/ext.cnf -out broker.crt 2>/dev/null
chown root:mosquitto broker.key
chmod 0640 broker.key
service mosquitto restart >/dev/null
# Ready when the gateway can publish over TLS again.
i=0
until mosquitto_pub -h localhost -p 8883 --cafile /etc/mosquitto/certs/ca.crt -u line1-gateway -P Gw-line1-4kR9tQ2mX7 \
    -t plant/line1/ready -m 1 2>/dev/null; do
  i=$((i + 1)); [ "$i" -lt 50 ] || exit 1; sleep 0.2
done
