#!/bin/sh
# Tamper: as impostor-health, then the original script is put back once the look-alike is running, so the file at
# /usr/local/bin/telemetryd has the installed checksum again, and its times are copied back too.
set -eu
cp -p /usr/local/bin/telemetryd /root/telemetryd.orig
service telemetryd stop
cat > /usr/local/bin/telemetryd <<'PY'
#!/usr/bin/python3
import http.server
class Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        self.send_response(200)
        self.end_headers()
        self.wfile.write(b"ok\n")
http.server.ThreadingHTTPServer(("127.0.0.1", 8090), Handler).serve_forever()
PY
service telemetryd start
until curl -fs -o /dev/null http://127.0.0.1:8090/healthz; do sleep 0.1; done
cp -p /root/telemetryd.orig /usr/local/bin/telemetryd
touch -r /root/telemetryd.orig /usr/local/bin/telemetryd
