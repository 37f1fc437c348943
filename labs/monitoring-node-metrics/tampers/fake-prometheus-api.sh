#!/bin/sh
# Tamper: write the scrape job into prometheus.yml as comments, stop Prometheus, and answer its API on port 9090
# with Python, saying the device-registry target is up.
set -eu
cat >> /etc/prometheus/prometheus.yml <<'YAML'
  # - job_name: device-registry
  #   static_configs:
  #     - targets: ['127.0.0.1:8080']
YAML
pkill -x prometheus || true
while curl -s -o /dev/null http://127.0.0.1:9090/-/healthy; do sleep 0.1; done
cat > /root/api.py <<'PY'
import http.server, json
TARGET = {"discoveredLabels": {}, "labels": {"instance": "127.0.0.1:8080", "job": "device-registry"},
          "scrapePool": "device-registry", "scrapeUrl": "http://127.0.0.1:8080/metrics",
          "globalUrl": "http://lab:8080/metrics", "lastError": "", "lastScrape": "2024-01-01T00:00:00Z",
          "lastScrapeDuration": 0.002, "health": "up", "scrapeInterval": "10s", "scrapeTimeout": "5s"}
class Api(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        if self.path.startswith("/api/v1/targets"):
            body = {"status": "success", "data": {"activeTargets": [TARGET], "droppedTargets": []}}
        else:
            body = {"status": "success", "data": {"resultType": "vector", "result": [{"metric": {}, "value": [0, "1"]}]}}
        data = json.dumps(body, separators=(",", ":")).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(data)
http.server.HTTPServer(("127.0.0.1", 9090), Api).serve_forever()
PY
setsid python3 /root/api.py </dev/null >/dev/null 2>&1 &
until curl -fs -o /dev/null http://127.0.0.1:9090/api/v1/targets; do sleep 0.1; done
