#!/bin/sh
# Tamper: replace the service with node -e serving a /metrics page written once (well-formed, HELP and TYPE,
# templates for routes, cumulative buckets), and /healthz; Prometheus left alone.
set -eu
cat > /root/metrics.txt <<'TXT'
# HELP http_requests_total Requests answered.
# TYPE http_requests_total counter
http_requests_total{method="GET",route="/devices/:id",status="200"} 12
http_requests_total{method="GET",route="/devices/:id",status="404"} 2
http_requests_total{method="GET",route="/devices",status="200"} 4
# HELP http_request_duration_seconds Time to answer.
# TYPE http_request_duration_seconds histogram
http_request_duration_seconds_bucket{method="GET",route="/devices/:id",le="0.01"} 5
http_request_duration_seconds_bucket{method="GET",route="/devices/:id",le="0.05"} 14
http_request_duration_seconds_bucket{method="GET",route="/devices/:id",le="+Inf"} 14
http_request_duration_seconds_sum{method="GET",route="/devices/:id"} 0.21
http_request_duration_seconds_count{method="GET",route="/devices/:id"} 14
TXT
kill $(pidof node)
while curl -s -o /dev/null http://127.0.0.1:8080/healthz; do sleep 0.1; done
cd /srv/device-registry
setsid node -e '
  const page = require("fs").readFileSync("/root/metrics.txt", "utf8");
  require("http").createServer((req, res) => {
    res.writeHead(200, { "content-type": "text/plain; version=0.0.4" });
    res.end(req.url === "/metrics" ? page : "ok");
  }).listen(8080, "127.0.0.1");
' </dev/null >/dev/null 2>&1 &
until curl -fs -o /dev/null http://127.0.0.1:8080/metrics; do sleep 0.1; done
