#!/bin/sh
# Near miss: fixes the code but leaves the old service running.
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
