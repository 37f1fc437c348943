#!/bin/sh
# Near miss: the ranking of the planted file, computed once with awk and written into server.js as a literal; the
# service answers from it at once and never reads the sales file.
set -eu
ranking=$(awk -F, '{ t[$1] += $2 } END { for (k in t) print t[k], k }' /srv/sales/sales.csv | sort -k1,1nr | head -n 50 \
  | awk '{ printf "%s{\"sku\":\"%s\",\"total\":%s}", (NR > 1 ? "," : ""), $2, $1 }')
cat > /srv/report-api/server.js <<JS
'use strict';
const http = require('node:http');

const RANKING = [${ranking}];

http.createServer((req, res) => {
  const url = new URL(req.url, 'http://localhost');
  if (url.pathname === '/top') {
    const n = Math.min(Number(url.searchParams.get('n') || 5), 50);
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(RANKING.slice(0, n)));
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
