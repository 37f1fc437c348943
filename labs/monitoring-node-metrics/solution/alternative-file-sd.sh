#!/bin/sh
# A correct alternative: every route's handler wrapped in a timing function when the routes table is built (the
# unmatched branch records under 'none'), series keyed by a label tuple, buckets found by binary search and
# stored per range, accumulated when scraped, time from Date.now(); the scrape job found through file_sd_configs
# (a target file next to the configuration); Prometheus stopped and started again with its own flags.
set -eu
cd /srv/device-registry
cat > instrument.js <<'JS'
'use strict';
const BOUNDS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1];
const requests = new Map(); // 'GET\u0000/devices/:id\u0000200' -> count
const latency = new Map(); // 'GET\u0000/devices/:id' -> { ranges, sum, count }

function slot(seconds) {
  let lo = 0;
  let hi = BOUNDS.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (seconds <= BOUNDS[mid]) hi = mid;
    else lo = mid + 1;
  }
  return lo; // BOUNDS.length: above the last bound
}

function record(method, route, status, seconds) {
  const key = [method, route, String(status)].join('\u0000');
  requests.set(key, (requests.get(key) ?? 0) + 1);
  const hkey = [method, route].join('\u0000');
  const h = latency.get(hkey) ?? { ranges: new Array(BOUNDS.length + 1).fill(0), sum: 0, count: 0 };
  h.ranges[slot(seconds)] += 1;
  h.sum += seconds;
  h.count += 1;
  latency.set(hkey, h);
}

const esc = (v) => v.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"');

function render() {
  const out = [];
  out.push('# HELP http_requests_total Requests answered, by method, route template and status code.');
  out.push('# TYPE http_requests_total counter');
  for (const [key, n] of requests) {
    const [method, route, status] = key.split('\u0000');
    out.push(`http_requests_total{method="${esc(method)}",route="${esc(route)}",status="${status}"} ${n}`);
  }
  out.push('# HELP http_request_duration_seconds Time to answer a request, by method and route template.');
  out.push('# TYPE http_request_duration_seconds histogram');
  for (const [key, h] of latency) {
    const [method, route] = key.split('\u0000');
    const labels = `method="${esc(method)}",route="${esc(route)}"`;
    let running = 0;
    BOUNDS.forEach((le, i) => {
      running += h.ranges[i];
      out.push(`http_request_duration_seconds_bucket{${labels},le="${le}"} ${running}`);
    });
    out.push(`http_request_duration_seconds_bucket{${labels},le="+Inf"} ${h.count}`);
    out.push(`http_request_duration_seconds_sum{${labels}} ${h.sum}`);
    out.push(`http_request_duration_seconds_count{${labels}} ${h.count}`);
  }
  return out.join('\n') + '\n';
}

// Wraps a handler so that its request is recorded, under the template given, when the answer is sent.
function timed(route, handler) {
  return (req, res, ...rest) => {
    const t0 = Date.now();
    res.on('finish', () => record(req.method, route, res.statusCode, (Date.now() - t0) / 1000));
    return handler(req, res, ...rest);
  };
}

module.exports = { render, timed, record };
JS
awk '
  /^const devices = require/ { print; print "const metrics = require(\x27./instrument\x27);"; next }
  /^\/\/ Each route:/ { print "// Each route: a method, a path template and its handler, timed by metrics.timed()."; next }
  /^const routes = \[$/ {
    print "const routes = ["
    print "  {"
    print "    method: \x27GET\x27,"
    print "    path: \x27/metrics\x27,"
    print "    handler: async (req, res) => {"
    print "      res.writeHead(200, { \x27content-type\x27: \x27text/plain; version=0.0.4\x27 });"
    print "      res.end(metrics.render());"
    print "    },"
    print "  },"
    next
  }
  /^\];$/ && !wrapped { print; print "for (const r of routes) r.handler = metrics.timed(r.path, r.handler);"; wrapped = 1; next }
  /^  if \(!found\) \{$/ {
    print
    print "    const t0 = Date.now();"
    print "    res.on(\x27finish\x27, () => metrics.record(req.method, \x27none\x27, res.statusCode, (Date.now() - t0) / 1000));"
    next
  }
  { print }
' server.js > server.js.new
mv server.js.new server.js
node --check server.js

kill $(pidof node)
while curl -s -o /dev/null http://127.0.0.1:8080/healthz; do sleep 0.1; done
nohup node server.js >>/var/log/device-registry.log 2>&1 </dev/null &
until curl -fs -o /dev/null http://127.0.0.1:8080/metrics; do sleep 0.1; done
curl -fs -o /dev/null http://127.0.0.1:8080/devices
curl -fs http://127.0.0.1:8080/metrics | promtool check metrics

mkdir -p /etc/prometheus/targets
cat > /etc/prometheus/targets/device-registry.yml <<'YAML'
- targets: ['127.0.0.1:8080']
  labels: {team: fleet}
YAML
cat >> /etc/prometheus/prometheus.yml <<'YAML'
  - job_name: 'device-registry'
    file_sd_configs:
      - files: ['/etc/prometheus/targets/device-registry.yml']
YAML
promtool check config /etc/prometheus/prometheus.yml
flags=$(tr '\0' ' ' < /proc/$(pidof prometheus)/cmdline)
kill "$(pidof prometheus)"
while curl -s -o /dev/null http://127.0.0.1:9090/-/healthy; do sleep 0.1; done
setsid $flags </dev/null >>/var/log/prometheus.log 2>&1 &
i=0
until curl -fsG --data-urlencode 'query=up{job="device-registry"} == 1' http://127.0.0.1:9090/api/v1/query | grep -q '"value"'; do
  i=$((i + 1)); [ $i -lt 120 ] || exit 1; sleep 0.5
done
