#!/bin/sh
# A correct alternative: the ranking is built lazily in a worker thread (its own module, a byte-level parser) and
# kept under the file's identity (inode, size, mtime) from an async stat per request; concurrent requests share
# one build. Started with a relative path from the service's folder, the old process stopped by its port's owner.
set -eu
cd /srv/report-api
cat > tally.js <<'JS'
'use strict';
// Runs in a worker: sums the quantities per SKU in one pass over the bytes and posts the ranking, best first.
const { parentPort, workerData } = require('node:worker_threads');
const { readFileSync } = require('node:fs');

const bytes = readFileSync(workerData.file);
const sums = Object.create(null);
let start = 0;
let comma = -1;
for (let i = 0; i <= bytes.length; i++) {
  const b = i < bytes.length ? bytes[i] : 10;
  if (b === 44 && comma < 0) {
    comma = i;
  } else if (b === 10) {
    if (comma > start) {
      const sku = bytes.toString('latin1', start, comma);
      let qty = 0;
      for (let j = comma + 1; j < i; j++) {
        const d = bytes[j] - 48;
        if (d >= 0 && d <= 9) qty = qty * 10 + d;
      }
      sums[sku] = (sums[sku] || 0) + qty;
    }
    start = i + 1;
    comma = -1;
  }
}
const ranking = Object.keys(sums)
  .map((sku) => ({ sku, total: sums[sku] }))
  .sort((a, b) => Math.sign(b.total - a.total) || a.sku.localeCompare(b.sku));
parentPort.postMessage(ranking);
JS
cat > server.js <<'JS'
'use strict';
const http = require('node:http');
const { stat } = require('node:fs/promises');
const { Worker } = require('node:worker_threads');
const path = require('node:path');

const file = process.env.SALES_FILE || '/srv/sales/sales.csv';
const port = Number(process.env.PORT) || 8081;
let current = { key: null, ranking: null };

function tally() {
  return new Promise((resolve, reject) => {
    const worker = new Worker(path.join(__dirname, 'tally.js'), { workerData: { file } });
    worker.once('message', resolve);
    worker.once('error', reject);
  });
}

async function ranking() {
  const s = await stat(file);
  const key = `${s.ino}:${s.size}:${s.mtimeMs}`;
  if (current.key !== key) {
    const built = tally();
    current = { key, ranking: built };
    built.catch(() => { if (current.ranking === built) current = { key: null, ranking: null }; });
  }
  return current.ranking;
}

function send(res, status, type, body) {
  res.writeHead(status, { 'content-type': type });
  res.end(body);
}

http.createServer((req, res) => {
  const url = new URL(req.url, `http://${req.headers.host || 'localhost'}`);
  switch (url.pathname) {
    case '/top': {
      const wanted = Number.parseInt(url.searchParams.get('n') || '5', 10);
      const n = Number.isFinite(wanted) ? Math.min(Math.max(wanted, 0), 50) : 5;
      ranking().then(
        (list) => send(res, 200, 'application/json', JSON.stringify(list.slice(0, n))),
        (err) => send(res, 503, 'text/plain', `no ranking: ${err.message}`),
      );
      break;
    }
    case '/healthz':
      send(res, 200, 'text/plain', 'ok');
      break;
    default:
      send(res, 404, 'text/plain', 'not found');
  }
}).listen(port);
JS
node --check server.js
node --check tally.js
inode=$(awk 'FNR > 1 && $4 == "0A" && $2 ~ /:1F91$/ { print $10; exit }' /proc/net/tcp /proc/net/tcp6)
for fd in /proc/[0-9]*/fd/*; do
  if [ "$(readlink "$fd" 2>/dev/null)" = "socket:[$inode]" ]; then pid=${fd#/proc/}; kill "${pid%%/*}"; break; fi
done
i=0
while curl -s -o /dev/null http://127.0.0.1:8081/healthz; do i=$((i + 1)); [ $i -le 50 ] || exit 1; sleep 0.1; done
PORT=8081 setsid node ./server.js >>/var/log/report-api.log 2>&1 </dev/null &
i=0
until [ "$(curl -s 'http://127.0.0.1:8081/top?n=1')" = '[{"sku":"sku-081","total":105500}]' ]; do
  i=$((i + 1)); [ $i -le 100 ] || exit 1; sleep 0.1
done
