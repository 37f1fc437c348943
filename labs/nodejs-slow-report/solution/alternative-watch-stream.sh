#!/bin/sh
# A correct alternative: the totals live in memory, built by streaming the file in chunks (no readline, no split of
# the whole text); a directory watch rebuilds them when a deploy moves a new file in, and requests never touch the
# disk. The old process is stopped by its pid; the new one is started by absolute path from another directory.
set -eu
cat > /srv/report-api/server.js <<'JS'
'use strict';
const http = require('node:http');
const fs = require('node:fs');
const path = require('node:path');

const SALES = process.env.SALES_FILE || '/srv/sales/sales.csv';

function build(file) {
  return new Promise((resolve, reject) => {
    const sums = new Map();
    let rest = '';
    const add = (line) => {
      const at = line.indexOf(',');
      if (at <= 0) return;
      const key = line.slice(0, at);
      sums.set(key, (sums.get(key) ?? 0) + parseInt(line.slice(at + 1), 10));
    };
    fs.createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 16 })
      .on('data', (chunk) => {
        const lines = (rest + chunk).split('\n');
        rest = lines.pop();
        lines.forEach(add);
      })
      .on('end', () => {
        add(rest);
        const board = Array.from(sums, ([sku, total]) => ({ sku, total }));
        board.sort((x, y) => (x.total === y.total ? (x.sku < y.sku ? -1 : 1) : y.total - x.total));
        resolve(board);
      })
      .on('error', reject);
  });
}

let board = build(SALES);
let pending = null;
function rebuild() {
  clearTimeout(pending);
  pending = setTimeout(() => {
    const next = build(SALES);
    next.then(() => { board = next; }, (err) => console.error('rebuild failed:', err.message));
  }, 50);
}
fs.watch(path.dirname(SALES), (event, name) => {
  if (!name || name === path.basename(SALES)) rebuild();
});

const server = http.createServer(async (req, res) => {
  const { pathname, searchParams } = new URL(req.url, 'http://x');
  if (pathname === '/healthz') {
    res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
  } else if (pathname === '/top') {
    const n = Math.max(0, Math.min(parseInt(searchParams.get('n') ?? '5', 10) || 5, 50));
    try {
      const body = JSON.stringify((await board).slice(0, n));
      res.writeHead(200, { 'content-type': 'application/json' }).end(body);
    } catch (err) {
      res.writeHead(500, { 'content-type': 'text/plain' }).end(String(err.message));
    }
  } else {
    res.writeHead(404).end();
  }
});
server.listen(Number(process.env.PORT) || 8081);
JS
old=$(pgrep -x node || true)
[ -z "$old" ] || kill $old
i=0
while curl -s -o /dev/null http://127.0.0.1:8081/healthz; do i=$((i + 1)); [ $i -le 50 ] || exit 1; sleep 0.1; done
cd /
setsid nohup node /srv/report-api/server.js >>/var/log/report-api.log 2>&1 </dev/null &
i=0
until curl -fs "http://127.0.0.1:8081/top?n=1" | grep -q sku-081; do i=$((i + 1)); [ $i -le 100 ] || exit 1; sleep 0.1; done
