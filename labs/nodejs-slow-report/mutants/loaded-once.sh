#!/bin/sh
# Near miss: right and fast, the totals read once at start-up with a line stream and sorted numerically, but never
# read again: after a deploy moves a new sales file over the old one, it serves the old ranking until restarted.
set -eu
cat > /srv/report-api/server.js <<'JS'
'use strict';
const http = require('node:http');
const fs = require('node:fs');
const readline = require('node:readline');

const FILE = process.env.SALES_FILE || '/srv/sales/sales.csv';

async function load() {
  const totals = {};
  const lines = readline.createInterface({ input: fs.createReadStream(FILE) });
  for await (const line of lines) {
    const [sku, qty] = line.split(',');
    if (sku) totals[sku] = (totals[sku] ?? 0) + parseInt(qty, 10);
  }
  return Object.entries(totals)
    .map(([sku, total]) => ({ sku, total }))
    .sort((a, b) => (b.total - a.total) || (a.sku < b.sku ? -1 : 1));
}

load().then((ranking) => {
  http.createServer((req, res) => {
    const url = new URL(req.url, 'http://localhost');
    if (url.pathname === '/top') {
      const n = Math.min(Number(url.searchParams.get('n') || 5), 50);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(ranking.slice(0, n)));
    } else if (url.pathname === '/healthz') {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end('ok');
    } else {
      res.writeHead(404);
      res.end();
    }
  }).listen(Number(process.env.PORT || 8081));
});
JS
pkill -f '^node server[.]js$' || true
sleep 0.3
setsid sh -c 'cd /srv/report-api && exec node server.js >>/var/log/report-api.log 2>&1' </dev/null &
for i in $(seq 1 50); do
  curl -fs 'http://127.0.0.1:8081/top?n=1' >/dev/null && exit 0
  sleep 0.1
done
exit 1
