#!/bin/sh
# A correct alternative: the metrics kept inline in server.js as plain maps, the histogram stored per bucket and
# made cumulative only when scraped, status kept on the histogram too, the request timed with performance.now()
# and recorded on 'close'; the service restarted by the pid that holds port 8080; the whole Prometheus
# configuration rewritten with a localhost target, and Prometheus reloaded with SIGHUP.
set -eu
cd /srv/device-registry
cat > server.js <<'JS'
'use strict';
// Device registry API: the platform's view of the edge devices that run Node-RED through the Device Agent.
const http = require('node:http');
const { performance } = require('node:perf_hooks');
const devices = require('./devices');

const HOST = process.env.HOST || '127.0.0.1';
const PORT = Number(process.env.PORT || 8080);

// --- metrics: series keyed by their label text, written in the Prometheus text format on /metrics ---
const BUCKETS = [0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1];
const requestCounts = new Map(); // '{method="GET",route="/devices/:id",status="200"}' -> count
const durations = new Map(); // same labels -> { perBucket: [...], overflow, sum, count }

const quote = (value) => String(value).replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
const labelsOf = (pairs) => Object.entries(pairs).map(([k, v]) => `${k}="${quote(v)}"`).join(',');

function record(method, route, status, seconds) {
  const labels = labelsOf({ method, route, status });
  requestCounts.set(labels, (requestCounts.get(labels) || 0) + 1);
  let d = durations.get(labels);
  if (!d) {
    d = { perBucket: BUCKETS.map(() => 0), overflow: 0, sum: 0, count: 0 };
    durations.set(labels, d);
  }
  const slot = BUCKETS.findIndex((le) => seconds <= le);
  if (slot === -1) d.overflow += 1;
  else d.perBucket[slot] += 1;
  d.sum += seconds;
  d.count += 1;
}

function exposition() {
  const lines = [
    '# HELP http_requests_total Requests served, by method, route template and status.',
    '# TYPE http_requests_total counter',
  ];
  for (const [labels, n] of requestCounts) lines.push(`http_requests_total{${labels}} ${n}`);
  lines.push('# HELP http_request_duration_seconds Request latency, by method, route template and status.');
  lines.push('# TYPE http_request_duration_seconds histogram');
  for (const [labels, d] of durations) {
    let cumulative = 0;
    BUCKETS.forEach((le, i) => {
      cumulative += d.perBucket[i];
      lines.push(`http_request_duration_seconds_bucket{${labels},le="${le}"} ${cumulative}`);
    });
    lines.push(`http_request_duration_seconds_bucket{${labels},le="+Inf"} ${cumulative + d.overflow}`);
    lines.push(`http_request_duration_seconds_sum{${labels}} ${d.sum}`);
    lines.push(`http_request_duration_seconds_count{${labels}} ${d.count}`);
  }
  lines.push('# HELP process_uptime_seconds Seconds since the process started.');
  lines.push('# TYPE process_uptime_seconds gauge');
  lines.push(`process_uptime_seconds ${process.uptime()}`);
  lines.push('# HELP nodejs_heap_used_bytes V8 heap in use, in bytes.');
  lines.push('# TYPE nodejs_heap_used_bytes gauge');
  lines.push(`nodejs_heap_used_bytes ${process.memoryUsage().heapUsed}`);
  return `${lines.join('\n')}\n`;
}

function send(res, status, body) {
  if (body === undefined) {
    res.writeHead(status);
    res.end();
    return;
  }
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, { 'content-type': typeof body === 'string' ? 'text/plain' : 'application/json' });
  res.end(text);
}

// Each route: a method, a path template (":name" matches one segment) and its handler.
const routes = [
  { method: 'GET', path: '/healthz', handler: async (req, res) => send(res, 200, 'ok') },
  {
    method: 'GET',
    path: '/metrics',
    handler: async (req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4' });
      res.end(exposition());
    },
  },
  {
    method: 'GET',
    path: '/devices',
    handler: async (req, res, params, query) => send(res, 200, await devices.list(query.get('team'))),
  },
  {
    method: 'GET',
    path: '/devices/:id',
    handler: async (req, res, params) => {
      const device = await devices.get(params.id);
      if (device) send(res, 200, device);
      else send(res, 404, { error: 'no such device' });
    },
  },
  {
    method: 'POST',
    path: '/devices/:id/heartbeat',
    handler: async (req, res, params) => {
      if (await devices.heartbeat(params.id)) send(res, 204);
      else send(res, 404, { error: 'no such device' });
    },
  },
];

function decode(segment) {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

function match(method, pathname) {
  const segments = pathname.split('/').filter(Boolean);
  for (const route of routes) {
    const template = route.path.split('/').filter(Boolean);
    if (route.method !== method || template.length !== segments.length) continue;
    const params = {};
    const same = template.every((part, i) => {
      if (!part.startsWith(':')) return part === segments[i];
      params[part.slice(1)] = decode(segments[i]);
      return params[part.slice(1)] !== null;
    });
    if (same) return { route, params };
  }
  return null;
}

const server = http.createServer((req, res) => {
  const t0 = performance.now();
  const url = new URL(req.url, 'http://localhost');
  const found = match(req.method, url.pathname);
  // Aborted requests count too ('close' fires for them, 'finish' does not), with the status they would have had.
  res.once('close', () => {
    record(req.method, found ? found.route.path : 'other', res.statusCode, (performance.now() - t0) / 1000);
  });
  if (!found) {
    send(res, 404, { error: 'not found' });
    return;
  }
  found.route.handler(req, res, found.params, url.searchParams).catch((err) => {
    console.error(err);
    if (!res.headersSent) send(res, 500, { error: 'internal error' });
  });
});

server.listen(PORT, HOST, () => console.log(`device-registry listening on ${HOST}:${PORT}`));
JS
node --check server.js

# Restart: stop whatever holds port 8080, start the new code, wait for /metrics.
pid=$(ss -Hltnp 'sport = :8080' | sed -n 's/.*pid=\([0-9]*\).*/\1/p' | head -n 1)
[ -n "$pid" ] && kill "$pid"
while ss -Hltn 'sport = :8080' | grep -q .; do sleep 0.1; done
cd / && nohup node /srv/device-registry/server.js </dev/null >>/var/log/device-registry.log 2>&1 &
until curl -fs -o /dev/null http://127.0.0.1:8080/metrics; do sleep 0.1; done
curl -fs http://127.0.0.1:8080/devices/ed-5d2c8f >/dev/null
curl -fs http://127.0.0.1:8080/metrics | promtool check metrics

cat > /etc/prometheus/prometheus.yml <<'YAML'
# Prometheus for the eu-west-1 device fleet services. Check with: promtool check config <this file>
global:
  scrape_interval: 10s
  scrape_timeout: 5s
  external_labels:
    region: eu-west-1

scrape_configs:
  - job_name: prometheus
    static_configs:
      - targets: ['127.0.0.1:9090']

  # The device registry API (Node.js), /srv/device-registry.
  - job_name: "device-registry"
    scrape_interval: 5s
    static_configs:
      - targets: ["localhost:8080"]
YAML
promtool check config /etc/prometheus/prometheus.yml
kill -HUP "$(pidof prometheus)"
for _ in $(seq 1 40); do
  health=$(curl -fs http://127.0.0.1:9090/api/v1/targets \
    | jq -r '.data.activeTargets[] | select(.labels.job == "device-registry") | .health')
  [ "$health" = up ] && exit 0
  sleep 0.5
done
echo "the device-registry target is not up" >&2
exit 1
