#!/bin/sh
# A correct alternative: the routes left untouched; a module hooks the server's 'request' event ahead of the
# handler, resolves the route with the same match() (exported for it), and records on 'close'; histogram kept
# cumulative at observation time with +Inf as a bucket like the others, time from process.hrtime(); the scrape job
# added with a relabelled instance and its own interval; Prometheus reloaded with kill -HUP found by pgrep.
set -eu
cd /srv/device-registry
cat > telemetry.js <<'JS'
'use strict';
const LE = [0.005, 0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 0.64, 1.28, Infinity];
const counters = {};
const histograms = {};

const quote = (s) => JSON.stringify(String(s)); // a JSON string is a valid label value for these characters

function observe(method, route, status, seconds) {
  const c = `method=${quote(method)},route=${quote(route)},status=${quote(status)}`;
  counters[c] = (counters[c] || 0) + 1;
  const h = `method=${quote(method)},route=${quote(route)}`;
  const series = (histograms[h] ||= { buckets: LE.map(() => 0), sum: 0 });
  LE.forEach((le, i) => { if (seconds <= le) series.buckets[i] += 1; });
  series.sum += seconds;
}

function exposition() {
  const counterLines = Object.entries(counters).map(([l, v]) => `http_requests_total{${l}} ${v}`);
  const histogramLines = Object.entries(histograms).flatMap(([l, s]) => [
    ...LE.map((le, i) => `http_request_duration_seconds_bucket{${l},le="${le === Infinity ? '+Inf' : le}"} ${s.buckets[i]}`),
    `http_request_duration_seconds_sum{${l}} ${s.sum}`,
    `http_request_duration_seconds_count{${l}} ${s.buckets[LE.length - 1]}`,
  ]);
  return [
    '# HELP http_requests_total Count of answered HTTP requests.',
    '# TYPE http_requests_total counter',
    ...counterLines,
    '# HELP http_request_duration_seconds Seconds spent answering HTTP requests.',
    '# TYPE http_request_duration_seconds histogram',
    ...histogramLines,
    '',
  ].join('\n');
}

// Hooks a server: every request is timed from its arrival to the close of its answer, under resolve(req).
function attach(server, resolve) {
  server.prependListener('request', (req, res) => {
    if (req.method === 'GET' && req.url.split('?')[0] === '/metrics') {
      res.writeHead(200, { 'Content-Type': 'text/plain; version=0.0.4; charset=utf-8' });
      res.end(exposition());
      return;
    }
    const start = process.hrtime();
    const route = resolve(req);
    res.once('close', () => {
      const [s, ns] = process.hrtime(start);
      observe(req.method, route, res.statusCode, s + ns / 1e9);
    });
  });
}

module.exports = { attach };
JS
# The planted handler must leave /metrics to the hook, and the hook needs the routes' templates.
awk '
  /^const server = http.createServer\(\(req, res\) => \{$/ { print; print "  if (req.method === \x27GET\x27 && req.url.split(\x27?\x27)[0] === \x27/metrics\x27) return;"; next }
  /^server.listen\(/ {
    print "require(\x27./telemetry\x27).attach(server, (req) => {"
    print "  const found = match(req.method, new URL(req.url, \x27http://localhost\x27).pathname);"
    print "  return found ? found.route.path : \x27(unmatched)\x27;"
    print "});"
    print
    next
  }
  { print }
' server.js > /tmp/server.js
cat /tmp/server.js > server.js
node --check server.js

pid=$(pgrep -x node)
kill "$pid"
while kill -0 "$pid" 2>/dev/null; do sleep 0.1; done
(cd /srv/device-registry && setsid node ./server.js </dev/null >>/var/log/device-registry.log 2>&1 &)
until curl -fs -o /dev/null http://127.0.0.1:8080/healthz; do sleep 0.1; done
curl -fs http://127.0.0.1:8080/metrics | promtool check metrics

python3 - <<'PY'
path = '/etc/prometheus/prometheus.yml'
text = open(path).read().rstrip('\n')
text += '''

  - job_name: device-registry
    scrape_interval: 5s
    static_configs:
      - targets: [127.0.0.1:8080]
    relabel_configs:
      - target_label: instance
        replacement: device-registry-1
'''
open(path, 'w').write(text)
PY
promtool check config /etc/prometheus/prometheus.yml
kill -HUP "$(pgrep -x prometheus)"
i=0
until curl -fs 'http://127.0.0.1:9090/api/v1/targets?scrapePool=device-registry' | grep -q '"health":"up"'; do
  i=$((i + 1)); [ $i -lt 120 ] || exit 1; sleep 0.5
done
