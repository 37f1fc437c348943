#!/bin/sh
# Near miss: the ranking is fixed, but every request still re-reads and re-scans the whole file per SKU.
set -eu
cat > /srv/report-api/server.js <<'JS'
'use strict';
const http = require('node:http');
const fs = require('node:fs');

const FILE = process.env.SALES_FILE || '/srv/sales/sales.csv';

function topSellers(n) {
  const lines = fs.readFileSync(FILE, 'utf8').trim().split('\n');
  const skus = [...new Set(lines.map((line) => line.split(',')[0]))];
  const totals = skus.map((sku) => ({
    sku,
    total: lines
      .filter((line) => line.startsWith(sku + ','))
      .reduce((sum, line) => sum + Number(line.split(',')[1]), 0),
  }));
  totals.sort((a, b) => b.total - a.total);
  return totals.slice(0, n);
}

http.createServer((req, res) => {
  const url = new URL(req.url, 'http://localhost');
  if (url.pathname === '/top') {
    const n = Math.min(Number(url.searchParams.get('n') || 5), 50);
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(topSellers(n)));
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
  curl -fs http://127.0.0.1:8081/healthz >/dev/null && exit 0
  sleep 0.1
done
exit 1
