#!/bin/sh
# Tamper: copy Python over /usr/bin/prometheus, so the listener's path and name say prometheus, and answer the
# targets API with it: the device-registry target up on 127.0.0.1:8080.
set -eu
pkill -x prometheus || true
while pidof prometheus >/dev/null; do sleep 0.1; done
cp /usr/bin/python3 /usr/bin/prometheus.new
mv /usr/bin/prometheus.new /usr/bin/prometheus
cat > /root/api.py <<'PY'
import http.server
BODY = ('{"status":"success","data":{"activeTargets":[{"discoveredLabels":{},"labels":{"job":"device-registry"},'
        '"scrapePool":"device-registry","scrapeUrl":"http://127.0.0.1:8080/metrics","globalUrl":"http://lab:8080/metrics",'
        '"lastError":"","lastScrape":"2024-01-01T00:00:00Z","lastScrapeDuration":0.002,"health":"up",'
        '"scrapeInterval":"10s","scrapeTimeout":"5s"}],"droppedTargets":[]}}').encode()
class Api(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(BODY)
http.server.HTTPServer(("127.0.0.1", 9090), Api).serve_forever()
PY
setsid /usr/bin/prometheus /root/api.py </dev/null >/dev/null 2>&1 &
until curl -fs -o /dev/null http://127.0.0.1:9090/api/v1/targets; do sleep 0.1; done
