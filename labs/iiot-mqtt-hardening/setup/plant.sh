#!/bin/sh
# Plants the line 1 broker as it was commissioned: mosquitto 2.0 on plaintext port 1883, anonymous clients
# welcome. Installs the certificates the plant's PKI issued for it, leaves the access list
# for the two clients in /root/mqtt-clients.txt, starts the broker the Debian way, and leaves a retained status
# message for each line (the dashboard must be able to read line 2's too).
set -eu

# The certificates, as the plant's PKI team issued them (fixed, so that graders can hold the broker to this exact
# certificate): a CA (its key never left the PKI team), and the broker's certificate for mqtt.line1.plant.local,
# localhost and 127.0.0.1, valid 2024-2049.
certs=/etc/mosquitto/certs
cat > "$certs/ca.crt" <<'PEM'
-----BEGIN CERTIFICATE-----
MIIBlDCCATqgAwIBAgICEAAwCgYIKoZIzj0EAwIwMDETMBEGA1UECgwKQWNtZSBQ
bGFudDEZMBcGA1UEAwwQQWNtZSBQbGFudCBPVCBDQTAgFw0yNDAxMDEwMDAwMDBa
GA8yMDU0MDEwMTAwMDAwMFowMDETMBEGA1UECgwKQWNtZSBQbGFudDEZMBcGA1UE
AwwQQWNtZSBQbGFudCBPVCBDQTBZMBMGByqGSM49AgEGCCqGSM49AwEHA0IABJND
CpTGVIPmrCJujr/HyrLYa6qKux2RNSYZ6GjRv1Ai97WnBThxE91XicUL4fcNTyh3
wdG2qW0blPNcnpg9bKejQjBAMA8GA1UdEwEB/wQFMAMBAf8wDgYDVR0PAQH/BAQD
AgEGMB0GA1UdDgQWBBRimVGcf76Znv0AGZNA1KT4D/6L2TAKBggqhkjOPQQDAgNI
ADBFAiEAuEPteaYIT3uECDPsi9gO6k36OriYOcFFhy+5wK3CKogCIDezN+i4e9eK
1FCTsoNVJSi64XnnwuX2e44fRg4bpbDT
-----END CERTIFICATE-----
PEM
cat > "$certs/broker.crt" <<'PEM'
-----BEGIN CERTIFICATE-----
MIICATCCAaegAwIBAgICEAEwCgYIKoZIzj0EAwIwMDETMBEGA1UECgwKQWNtZSBQ
bGFudDEZMBcGA1UEAwwQQWNtZSBQbGFudCBPVCBDQTAeFw0yNDAxMDEwMDAwMDBa
Fw00OTAxMDEwMDAwMDBaMDYxEzARBgNVBAoMCkFjbWUgUGxhbnQxHzAdBgNVBAMM
Fm1xdHQubGluZTEucGxhbnQubG9jYWwwWTATBgcqhkjOPQIBBggqhkjOPQMBBwNC
AASzFca39aR8Fz8iVkqd2/uLgkkTFBP6hvzKAp50DeFwD2qJvnaDpTajjqh+Q5UY
IGzk/yZ1wutJPfbOu8Palraio4GqMIGnMAwGA1UdEwEB/wQCMAAwDgYDVR0PAQH/
BAQDAgeAMBMGA1UdJQQMMAoGCCsGAQUFBwMBMDIGA1UdEQQrMCmCFm1xdHQubGlu
ZTEucGxhbnQubG9jYWyCCWxvY2FsaG9zdIcEfwAAATAdBgNVHQ4EFgQUgcwEtudK
ZnkyFZYP5uEWGbV1Ah4wHwYDVR0jBBgwFoAUYplRnH++mZ79ABmTQNSk+A/+i9kw
CgYIKoZIzj0EAwIDSAAwRQIgCXBQhdqYk8Doq5AZhHjWrRx8OLMxb2xsvTcPls4B
9z0CIQDTmMXoSzXJukX/k7BgNJQR5ho35A/D+o6Jv3kS7rUcjw==
-----END CERTIFICATE-----
PEM
cat > "$certs/broker.key" <<'PEM'
-----BEGIN EC PRIVATE KEY-----
MHcCAQEEIGmepeBxQGUxvaxuk/nMP78x6otWH2YyRo7N+pQvYH5foAoGCCqGSM49
AwEHoUQDQgAEsxXGt/WkfBc/IlZKndv7i4JJExQT+ob8ygKedA3hcA9qib52g6U2
o46ofkOVGCBs5P8mdcLrST32zrvD2pa2og==
-----END EC PRIVATE KEY-----
PEM
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
