#!/bin/sh
# Plants the exchange-rates API in /srv/rates-api: the port and the rates file are hard-coded, an unknown currency
# or a missing rates file rejects a promise nobody handles (node 18 then exits), and /healthz always says ok.
set -eu
mkdir -p /srv/rates-api
cd /srv/rates-api
cat > package.json <<'JSON'
{"name": "rates-api", "version": "1.4.0", "private": true, "scripts": {"start": "node server.js"}}
JSON
cat > rates.json <<'JSON'
{"EUR": 1, "USD": 1.08, "GBP": 0.85, "CHF": 0.94}
JSON
cat > server.js <<'JS'
'use strict';
const http = require('node:http');
const fs = require('node:fs/promises');

const PORT = 3000;
const RATES_FILE = '/srv/rates-api/rates.json';

// The finance job rewrites the rates file every minute, so it is read on every request.
async function loadRates() {
  return JSON.parse(await fs.readFile(RATES_FILE, 'utf8'));
}

async function rateFor(code) {
  const rates = await loadRates();
  if (!(code in rates)) {
    throw new Error(`unknown currency ${code}`);
  }
  return rates[code];
}

function send(res, status, body) {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

const server = http.createServer(async (req, res) => {
  const url = new URL(req.url, 'http://localhost');
  if (url.pathname === '/healthz') {
    send(res, 200, { status: 'ok' });
    return;
  }
  const match = url.pathname.match(/^\/rates\/([A-Z]{3})$/);
  if (match) {
    const rate = await rateFor(match[1]);
    send(res, 200, { currency: match[1], rate });
    return;
  }
  send(res, 404, { error: 'not found' });
});

server.listen(PORT, () => console.log(`rates-api listening on ${PORT}`));
JS
printf 'PORT=8080\nRATES_FILE=/srv/rates-api/rates.json\n' > /etc/rates-api.env
