#!/bin/sh
# Tamper: replaces the service with one that never touches the rates file: a fixed table of rates, 404 for the
# rest, /healthz always 200, on the port PORT names.
set -eu
cat > /srv/rates-api/server.js <<'JS'
'use strict';
const table = { EUR: 1, USD: 1.08, GBP: 0.85, CHF: 0.94 };
require('node:http').createServer((req, res) => {
  const code = req.url.split('/')[2];
  res.setHeader('content-type', 'application/json');
  if (req.url === '/healthz') return res.end('{"status":"ok"}');
  if (code in table) return res.end(JSON.stringify({ currency: code, rate: table[code] }));
  res.statusCode = 404;
  res.end('{"error":"unknown currency"}');
}).listen(Number(process.env.PORT) || 3000);
JS
