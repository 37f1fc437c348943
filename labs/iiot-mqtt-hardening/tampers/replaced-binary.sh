#!/bin/sh
# Tamper: as impostor-tls, but Python is copied over /usr/sbin/mosquitto and run from there, as the mosquitto user,
# so the listener's path, name and user all say mosquitto.
set -eu
service mosquitto stop >/dev/null
while pidof mosquitto >/dev/null; do sleep 0.1; done
cat > /root/tls.py <<'PY'
import socket, ssl, threading
ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
ctx.load_cert_chain("/root/broker.crt", "/root/broker.key")
srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
srv.bind(("0.0.0.0", 8883))
srv.listen(16)
def serve(conn):
    try:
        with ctx.wrap_socket(conn, server_side=True) as tls:
            tls.recv(1024)
    except (OSError, ssl.SSLError):
        pass
while True:
    conn, _ = srv.accept()
    threading.Thread(target=serve, args=(conn,), daemon=True).start()
PY
install -o mosquitto -m 0400 /etc/mosquitto/certs/broker.crt /etc/mosquitto/certs/broker.key /root/
chmod 0755 /root
chmod 0644 /root/tls.py
cp --remove-destination /usr/bin/python3 /usr/sbin/mosquitto
nohup setpriv --reuid=mosquitto --regid=mosquitto --init-groups /usr/sbin/mosquitto /root/tls.py >/dev/null 2>&1 &
i=0
until ss -ltn | grep -q ':8883 '; do i=$((i + 1)); [ "$i" -lt 50 ] || exit 1; sleep 0.1; done
