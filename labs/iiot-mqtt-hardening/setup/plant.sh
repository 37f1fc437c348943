#!/bin/sh
# Plants the line 1 broker as it was commissioned: mosquitto 2.0 on plaintext port 1883, anonymous clients
# welcome. Issues a small CA and a broker certificate (as the PKI team would have), leaves the access list
# for the two clients in /root/mqtt-clients.txt, starts the broker the Debian way, and leaves a retained status
# message for each line (the dashboard must be able to read line 2's too).
set -eu

# The certificates: a CA, and the broker's certificate for mqtt.line1.plant.local, localhost and 127.0.0.1.
# EC keys: fast to make. The CA's key does not stay on the machine.
certs=/etc/mosquitto/certs
pki=$(mktemp -d)
openssl ecparam -name prime256v1 -genkey -noout -out "$pki/ca.key" 2>/dev/null
openssl req -new -x509 -key "$pki/ca.key" -sha256 -days 3650 -subj "/O=Acme Plant/CN=Acme Plant OT CA" \
  -out "$certs/ca.crt" 2>/dev/null
openssl ecparam -name prime256v1 -genkey -noout -out "$certs/broker.key" 2>/dev/null
openssl req -new -key "$certs/broker.key" -subj "/O=Acme Plant/CN=mqtt.line1.plant.local" -out "$pki/broker.csr" \
  2>/dev/null
printf 'subjectAltName=DNS:mqtt.line1.plant.local,DNS:localhost,IP:127.0.0.1\nextendedKeyUsage=serverAuth\n' \
  > "$pki/ext.cnf"
openssl x509 -req -in "$pki/broker.csr" -CA "$certs/ca.crt" -CAkey "$pki/ca.key" -CAserial "$pki/ca.srl" -CAcreateserial -sha256 \
  -days 825 -extfile "$pki/ext.cnf" -out "$certs/broker.crt" 2>/dev/null
rm -rf "$pki"
chmod 644 "$certs/ca.crt" "$certs/broker.crt"
chmod 600 "$certs/broker.key"

# The broker as commissioned for the pilot: a drop-in that opens 1883 to anyone.
cat > /etc/mosquitto/conf.d/line1.conf <<'CONF'
# Line 1 broker, set up for the pilot (OPS-412). Node-RED on the line 1 gateway publishes sensor data here;
# the Node-RED dashboard in the control room reads it.
# TODO before go-live: passwords, ACLs, TLS.
listener 1883
allow_anonymous true
CONF

cat > /root/mqtt-clients.txt <<'CLIENTS'
# MQTT clients of the line 1 broker (from the security review, OPS-431)
#
# user            password                 access
line1-gateway     Gw-line1-4kR9tQ2mX7      publish to plant/line1/# only
dashboard         Dash-ctrl-8vN3pL6wZ5     subscribe to plant/# ; never publishes
CLIENTS
chmod 600 /root/mqtt-clients.txt

# No systemd here: the init script runs the broker and keeps its pid file (start-stop-daemon --make-pidfile).
# The broker's own pid_file would collide with it (it writes after dropping to the mosquitto user), so the
# package's configuration leaves that to the script.
sed -i 's|^pid_file /run/mosquitto/mosquitto.pid$|# pid_file: kept by /etc/init.d/mosquitto (start-stop-daemon)|' \
  /etc/mosquitto/mosquitto.conf
mkdir -p /run/mosquitto
service mosquitto start >/dev/null

# Ready when an anonymous client can publish on 1883.
ready() {
  i=0
  while [ "$i" -lt 50 ]; do
    mosquitto_pub -h 127.0.0.1 -p 1883 -t plant/line1/boot -m ready -q 1 2>/dev/null && return 0
    sleep 0.1
    i=$((i + 1))
  done
  echo "the planted broker did not start" >&2
  exit 1
}
ready

# Each line's controller keeps its state in a retained status topic. A restart (SIGTERM) makes the broker save
# them to its persistence file, so they survive whatever restarts come next.
mosquitto_pub -h 127.0.0.1 -p 1883 -q 1 -r -t plant/line1/status -m running
mosquitto_pub -h 127.0.0.1 -p 1883 -q 1 -r -t plant/line2/status -m commissioning
service mosquitto restart >/dev/null
ready
