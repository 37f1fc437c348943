#!/bin/sh
# Plants the device registry API (Node.js, no metrics yet) in /srv/device-registry and starts it on
# 127.0.0.1:8080, and starts Prometheus on 127.0.0.1:9090 with a configuration that scrapes only itself.
set -eu
mkdir -p /srv/device-registry
cd /srv/device-registry
cat > package.json <<'JSON'
{"name": "device-registry", "version": "1.14.2", "private": true, "scripts": {"start": "node server.js"}}
JSON
cat > devices.js <<'JS'
'use strict';
// The registered edge devices (FlowFuse Device Agent). In production this is a PostgreSQL table; here an
// in-memory copy with the database's latency, so that the handlers are asynchronous like the real ones.
const devices = new Map([
  ['ed-7f3a91', { id: 'ed-7f3a91', name: 'press-line-3', team: 'acme-plant', application: 'oee-dashboard', agent: '2.6.1' }],
  ['ed-19c0b4', { id: 'ed-19c0b4', name: 'packaging-plc-gw', team: 'acme-plant', application: 'line-telemetry', agent: '2.6.1' }],
  ['ed-a04e72', { id: 'ed-a04e72', name: 'cold-store-2', team: 'northwind-foods', application: 'temperature-watch', agent: '2.5.0' }],
  ['ed-5d2c8f', { id: 'ed-5d2c8f', name: 'boiler-room', team: 'northwind-foods', application: 'temperature-watch', agent: '2.4.3' }],
]);
const lastSeen = new Map();

function query(fn) {
  return new Promise((resolve) => setTimeout(() => resolve(fn()), 2 + Math.floor(Math.random() * 25)));
}

module.exports = {
  list: (team) => query(() => [...devices.values()].filter((d) => !team || d.team === team)),
  get: (id) => query(() => {
    const device = devices.get(id);
    return device ? { ...device, lastSeen: lastSeen.get(id) ?? null } : null;
  }),
  heartbeat: (id) => query(() => {
    if (!devices.has(id)) return false;
    lastSeen.set(id, new Date().toISOString());
    return true;
  }),
};
JS
cat > server.js <<'JS'
'use strict';
// Device registry API: the platform's view of the edge devices that run Node-RED through the Device Agent.
const http = require('node:http');
const devices = require('./devices');

const HOST = process.env.HOST || '127.0.0.1';
const PORT = Number(process.env.PORT || 8080);

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
  const url = new URL(req.url, 'http://localhost');
  const found = match(req.method, url.pathname);
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
# Deployed from its repository, as in production.
git -C /srv/device-registry init -q -b main
git -C /srv/device-registry add -A
git -C /srv/device-registry -c user.name=deploy -c user.email=deploy@flowfuse.example commit -q -m "device-registry 1.4.2"

mkdir -p /etc/prometheus /var/lib/prometheus/data
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
YAML

setsid sh -c 'cd /srv/device-registry && exec node server.js' </dev/null >>/var/log/device-registry.log 2>&1 &
setsid prometheus --config.file=/etc/prometheus/prometheus.yml --storage.tsdb.path=/var/lib/prometheus/data \
  --web.listen-address=127.0.0.1:9090 --web.enable-lifecycle </dev/null >>/var/log/prometheus.log 2>&1 &

for _ in $(seq 1 80); do
  if curl -fs http://127.0.0.1:8080/healthz >/dev/null && curl -fs http://127.0.0.1:9090/-/ready >/dev/null; then
    exit 0
  fi
  sleep 0.1
done
echo "the device registry or Prometheus did not start" >&2
exit 1
