#!/bin/sh
# Tamper: stop the broker (so 1883 closes) and answer on 8883 with Python, presenting the plant's certificate:
# a TLS handshake that verifies, and nothing behind it.
set -eu
service mosquitto stop >/dev/null
while pidof mosquitto >/dev/null; do sleep 0.1; done
cat > /root/tls.py <<'PY'
import socket, ssl, threading
ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
ctx.load_cert_chain("/etc/mosquitto/certs/broker.crt", "/etc/mosquitto/certs/broker.key")
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
nohup python3 /root/tls.py >/dev/null 2>&1 &
i=0
until ss -ltn | grep -q ':8883 '; do i=$((i + 1)); [ "$i" -lt 50 ] || exit 1; sleep 0.1; done
