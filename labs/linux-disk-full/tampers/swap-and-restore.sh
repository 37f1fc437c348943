#!/bin/sh
# Tamper: as impostor-health, then the original script is put back once the look-alike is running, so the file at
# /usr/local/bin/<service> has the installed checksum again, and its times are copied back too.
set -eu
cp -p "/usr/local/bin/$ASSAY_P_SERVICE" /root/forwarder.orig
service "$ASSAY_P_SERVICE" stop
sed "s/__PORT__/$ASSAY_P_PORT/" > "/usr/local/bin/$ASSAY_P_SERVICE" <<'PY'
#!/usr/bin/python3
import http.server
class Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        self.send_response(200)
        self.end_headers()
        self.wfile.write(b"ok\n")
http.server.ThreadingHTTPServer(("127.0.0.1", __PORT__), Handler).serve_forever()
PY
service "$ASSAY_P_SERVICE" start
i=0
until curl -fs -o /dev/null "http://127.0.0.1:$ASSAY_P_PORT/healthz"; do
  i=$((i + 1)); [ "$i" -lt 100 ] || exit 1; sleep 0.1
done
cp -p /root/forwarder.orig "/usr/local/bin/$ASSAY_P_SERVICE"
touch -r /root/forwarder.orig "/usr/local/bin/$ASSAY_P_SERVICE"
