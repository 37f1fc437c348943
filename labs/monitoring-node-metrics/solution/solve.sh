#!/bin/sh
# The reference solution: a small metrics module (a registry of counters, histograms and gauges that writes the
# Prometheus text format), the request counter and latency histogram labelled by the route template, the service
# restarted, and a device-registry scrape job that Prometheus loads through its reload endpoint.
set -eu
cd /srv/device-registry

cat > metrics.js <<'JS'
'use strict';
// A minimal Prometheus client: counters, histograms and gauges with labels, written in the text exposition
// format 0.0.4 (https://prometheus.io/docs/instrumenting/exposition_formats/).

const CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';

const escapeHelp = (text) => text.replace(/\\/g, '\\\\').replace(/\n/g, '\\n');
const escapeValue = (text) => String(text).replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"');

function number(value) {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return '+Inf';
  if (value === -Infinity) return '-Inf';
  return String(value);
}

function labelText(names, values, extra = []) {
  const pairs = names.map((name, i) => `${name}="${escapeValue(values[i])}"`).concat(extra);
  return pairs.length ? `{${pairs.join(',')}}` : '';
}

class Metric {
  constructor(type, { name, help, labelNames = [] }) {
    this.type = type;
    this.name = name;
    this.help = help;
    this.labelNames = labelNames;
    this.series = new Map();
  }

  // The series for a set of labels, created on first use; every label name must be given.
  child(labels, create) {
    const values = this.labelNames.map((name) => {
      if (labels[name] === undefined) throw new Error(`${this.name}: label ${name} missing`);
      return String(labels[name]);
    });
    const key = JSON.stringify(values);
    let series = this.series.get(key);
    if (!series) {
      series = { values, ...create() };
      this.series.set(key, series);
    }
    return series;
  }

  header() {
    return `# HELP ${this.name} ${escapeHelp(this.help)}\n# TYPE ${this.name} ${this.type}\n`;
  }
}

class Counter extends Metric {
  constructor(options) {
    super('counter', options);
  }

  inc(labels = {}, by = 1) {
    if (by < 0) throw new Error(`${this.name}: a counter only goes up`);
    this.child(labels, () => ({ value: 0 })).value += by;
  }

  render() {
    let out = this.header();
    for (const s of this.series.values()) out += `${this.name}${labelText(this.labelNames, s.values)} ${number(s.value)}\n`;
    return out;
  }
}

class Histogram extends Metric {
  constructor({ buckets, ...options }) {
    super('histogram', options);
    this.buckets = [...buckets].sort((a, b) => a - b);
  }

  observe(labels, value) {
    const s = this.child(labels, () => ({ counts: this.buckets.map(() => 0), sum: 0, count: 0 }));
    // Buckets are cumulative: an observation counts in every bucket whose upper bound it does not exceed.
    this.buckets.forEach((le, i) => {
      if (value <= le) s.counts[i] += 1;
    });
    s.sum += value;
    s.count += 1;
  }

  render() {
    let out = this.header();
    for (const s of this.series.values()) {
      this.buckets.forEach((le, i) => {
        out += `${this.name}_bucket${labelText(this.labelNames, s.values, [`le="${number(le)}"`])} ${s.counts[i]}\n`;
      });
      out += `${this.name}_bucket${labelText(this.labelNames, s.values, ['le="+Inf"'])} ${s.count}\n`;
      out += `${this.name}_sum${labelText(this.labelNames, s.values)} ${number(s.sum)}\n`;
      out += `${this.name}_count${labelText(this.labelNames, s.values)} ${s.count}\n`;
    }
    return out;
  }
}

// A gauge read when scraped (memory, start time): one unlabelled value from a function.
class Gauge extends Metric {
  constructor({ read, ...options }) {
    super('gauge', options);
    this.read = read;
  }

  render() {
    return `${this.header()}${this.name} ${number(this.read())}\n`;
  }
}

class Registry {
  constructor() {
    this.metrics = [];
  }

  register(metric) {
    this.metrics.push(metric);
    return metric;
  }

  render() {
    return this.metrics.map((m) => m.render()).join('');
  }
}

module.exports = { CONTENT_TYPE, Counter, Histogram, Gauge, Registry };
JS

cat > server.js <<'JS'
'use strict';
// Device registry API: the platform's view of the edge devices that run Node-RED through the Device Agent.
const http = require('node:http');
const devices = require('./devices');
const { CONTENT_TYPE, Counter, Histogram, Gauge, Registry } = require('./metrics');

const HOST = process.env.HOST || '127.0.0.1';
const PORT = Number(process.env.PORT || 8080);

const registry = new Registry();
const requestsTotal = registry.register(new Counter({
  name: 'http_requests_total',
  help: 'HTTP requests answered, by method, route template and status code.',
  labelNames: ['method', 'route', 'status'],
}));
const requestDuration = registry.register(new Histogram({
  name: 'http_request_duration_seconds',
  help: 'Time from receiving a request to sending the last byte of its answer, by method and route template.',
  labelNames: ['method', 'route'],
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
}));
const startTime = Date.now() / 1000;
registry.register(new Gauge({
  name: 'process_start_time_seconds',
  help: 'When the process started, in seconds since the Unix epoch.',
  read: () => startTime,
}));
registry.register(new Gauge({
  name: 'process_resident_memory_bytes',
  help: 'Resident memory of the process, in bytes.',
  read: () => process.memoryUsage().rss,
}));

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
      res.writeHead(200, { 'content-type': CONTENT_TYPE });
      res.end(registry.render());
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
  const started = process.hrtime.bigint();
  const url = new URL(req.url, 'http://localhost');
  const found = match(req.method, url.pathname);
  // The route template, never the raw path: ids and unknown paths would make a new series each.
  const route = found ? found.route.path : 'unmatched';
  res.on('finish', () => {
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    requestsTotal.inc({ method: req.method, route, status: res.statusCode });
    requestDuration.observe({ method: req.method, route }, seconds);
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
node --check metrics.js
node --check server.js

# Restart the service and wait until the new code answers.
pkill -f '^node server[.]js$' || true
for _ in $(seq 1 30); do curl -fs http://127.0.0.1:8080/healthz >/dev/null || break; sleep 0.1; done
setsid sh -c 'cd /srv/device-registry && exec node server.js' </dev/null >>/var/log/device-registry.log 2>&1 &
for _ in $(seq 1 50); do curl -fs http://127.0.0.1:8080/metrics >/dev/null && break; sleep 0.1; done
curl -fs http://127.0.0.1:8080/devices/ed-7f3a91 >/dev/null
curl -fs http://127.0.0.1:8080/metrics | promtool check metrics

# The scrape job, checked, then loaded by the running Prometheus.
cat >> /etc/prometheus/prometheus.yml <<'YAML'

  - job_name: device-registry
    metrics_path: /metrics
    static_configs:
      - targets: ['127.0.0.1:8080']
        labels:
          service: device-registry
YAML
promtool check config /etc/prometheus/prometheus.yml
curl -fs -X POST http://127.0.0.1:9090/-/reload
for _ in $(seq 1 60); do
  curl -fs 'http://127.0.0.1:9090/api/v1/query?query=up%7Bjob%3D%22device-registry%22%7D' | grep -q '"value":\[[0-9.]*,"1"\]' && exit 0
  sleep 0.5
done
echo "Prometheus did not scrape the device registry" >&2
exit 1
