#!/bin/sh
# The reference solution: one pass over the file into a Map, numbers compared as numbers, the ranking cached and
# recomputed only when the file changes; then the service restarted.
set -eu
cat > /srv/report-api/server.js <<'JS'
'use strict';
const http = require('node:http');
const fs = require('node:fs');

const FILE = process.env.SALES_FILE || '/srv/sales/sales.csv';
let cache = { mtimeMs: -1, ranking: [] };

function ranking() {
  const { mtimeMs } = fs.statSync(FILE);
  if (mtimeMs !== cache.mtimeMs) {
    const totals = new Map();
    for (const line of fs.readFileSync(FILE, 'utf8').split('\n')) {
      if (!line) continue;
      const comma = line.indexOf(',');
      const sku = line.slice(0, comma);
      totals.set(sku, (totals.get(sku) || 0) + Number(line.slice(comma + 1)));
    }
    const sorted = [...totals].map(([sku, total]) => ({ sku, total }))
      .sort((a, b) => b.total - a.total || a.sku.localeCompare(b.sku));
    cache = { mtimeMs, ranking: sorted };
  }
  return cache.ranking;
}

http.createServer((req, res) => {
  const url = new URL(req.url, 'http://localhost');
  if (url.pathname === '/top') {
    const n = Math.min(Number(url.searchParams.get('n') || 5), 50);
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(ranking().slice(0, n)));
    return;
  }
  if (url.pathname === '/healthz') {
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.end('ok');
    return;
  }
  res.writeHead(404);
  res.end();
}).listen(Number(process.env.PORT || 8081));
JS
pkill -f '^node server[.]js$' || true
sleep 0.3
setsid sh -c 'cd /srv/report-api && exec node server.js >>/var/log/report-api.log 2>&1' </dev/null &
for i in $(seq 1 50); do
  curl -fs 'http://127.0.0.1:8081/top?n=1' >/dev/null && exit 0
  sleep 0.1
done
exit 1
