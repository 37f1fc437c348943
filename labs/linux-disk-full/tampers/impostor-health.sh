#!/bin/sh
# Tamper: stop telemetryd (which frees the space) and put a look-alike in its place, at its path, started by its
# own init script as telemetry, that answers "ok" on /healthz whatever the disk says. No rotation.
set -eu
service telemetryd stop
cat > /usr/local/bin/telemetryd <<'PY'
#!/usr/bin/python3
import http.server
class Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.end_headers()
        self.wfile.write(b"ok\n")
http.server.ThreadingHTTPServer(("127.0.0.1", 8090), Handler).serve_forever()
PY
service telemetryd start
until curl -fs -o /dev/null http://127.0.0.1:8090/healthz; do sleep 0.1; done
