#!/bin/sh
# A correct alternative: promise chains (.then/.catch) rather than await, the configuration destructured from
# process.env with defaults, the error told apart by its code, a synchronous health check.
set -eu
cat > /srv/rates-api/server.js <<'JS'
'use strict';
const http = require('node:http');
const fs = require('node:fs');

const { PORT = '3000', RATES_FILE = '/srv/rates-api/rates.json' } = process.env;

function loadRates() {
  return fs.promises.readFile(RATES_FILE, 'utf8').then(JSON.parse);
}

function reply(res, status, body) {
  res.statusCode = status;
  res.setHeader('content-type', 'application/json');
  res.end(JSON.stringify(body));
}

function healthy() {
  try {
    JSON.parse(fs.readFileSync(RATES_FILE, 'utf8'));
    return true;
  } catch {
    return false;
  }
}

http.createServer((req, res) => {
  const { pathname } = new URL(req.url, 'http://localhost');
  if (pathname === '/healthz') {
    return healthy() ? reply(res, 200, { status: 'ok' }) : reply(res, 503, { status: 'rates unavailable' });
  }
  const code = (/^\/rates\/([A-Z]{3})$/.exec(pathname) || [])[1];
  if (!code) return reply(res, 404, { error: 'not found' });
  loadRates()
    .then((rates) => (Object.hasOwn(rates, code)
      ? reply(res, 200, { currency: code, rate: rates[code] })
      : reply(res, 404, { error: `unknown currency ${code}` })))
    .catch((err) => {
      console.error(`rates: ${err.code || err.name}: ${err.message}`);
      reply(res, 503, { error: 'rates unavailable' });
    });
}).listen(+PORT, () => console.log(`listening on ${PORT}`));
JS
node --check /srv/rates-api/server.js
