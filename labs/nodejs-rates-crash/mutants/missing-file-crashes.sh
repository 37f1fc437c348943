#!/bin/sh
# Near miss: configuration and /healthz fixed, an unknown currency answered 404 by a check rather than a throw, but
# nothing catches a failure to read or parse the rates file, so a missing or half-written file still crashes node.
set -eu
cd /srv/rates-api
cat > server.js <<'JS'
'use strict';
const http = require('node:http');
const fs = require('node:fs/promises');

const PORT = Number(process.env.PORT || 3000);
const RATES_FILE = process.env.RATES_FILE || '/srv/rates-api/rates.json';

async function loadRates() {
  return JSON.parse(await fs.readFile(RATES_FILE, 'utf8'));
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
    const rates = await loadRates();
    if (!(match[1] in rates)) {
      send(res, 404, { error: `unknown currency ${match[1]}` });
      return;
    }
    send(res, 200, { currency: match[1], rate: rates[match[1]] });
    return;
  }
  send(res, 404, { error: 'not found' });
});

server.listen(PORT, () => console.log(`rates-api listening on ${PORT}`));
JS
