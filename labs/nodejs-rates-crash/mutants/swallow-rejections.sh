#!/bin/sh
# Near miss: configuration and /healthz fixed, but the crash "fixed" by a process-wide unhandledRejection handler:
# node stays up, and the request whose promise rejected never gets an answer.
set -eu
cd /srv/rates-api
cat > server.js <<'JS'
'use strict';
const http = require('node:http');
const fs = require('node:fs/promises');

const PORT = Number(process.env.PORT || 3000);
const RATES_FILE = process.env.RATES_FILE || '/srv/rates-api/rates.json';

process.on('unhandledRejection', (reason) => console.error('unhandled rejection:', reason));

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
    const ok = await loadRates().then(() => true, () => false);
    send(res, ok ? 200 : 503, { status: ok ? 'ok' : 'unavailable' });
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
