#!/bin/sh
# The reference solution: configuration read from the environment once, a NotFound error for unknown currencies,
# every other failure to load the rates answered 503, the handler's errors caught, /healthz loading the rates.
set -eu
cat > /srv/rates-api/server.js <<'JS'
'use strict';
const http = require('node:http');
const fs = require('node:fs/promises');

const config = {
  port: Number(process.env.PORT || 3000),
  ratesFile: process.env.RATES_FILE || '/srv/rates-api/rates.json',
};

class UnknownCurrency extends Error {}

// The finance job rewrites the rates file every minute, so it is read on every request.
async function loadRates() {
  return JSON.parse(await fs.readFile(config.ratesFile, 'utf8'));
}

async function rateFor(code) {
  const rates = await loadRates();
  if (!Object.prototype.hasOwnProperty.call(rates, code)) {
    throw new UnknownCurrency(`unknown currency ${code}`);
  }
  return rates[code];
}

function send(res, status, body) {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

async function handle(req, res) {
  const url = new URL(req.url, 'http://localhost');
  if (url.pathname === '/healthz') {
    try {
      await loadRates();
      send(res, 200, { status: 'ok' });
    } catch (err) {
      send(res, 503, { status: 'unavailable', error: err.message });
    }
    return;
  }
  const match = url.pathname.match(/^\/rates\/([A-Z]{3})$/);
  if (match) {
    try {
      send(res, 200, { currency: match[1], rate: await rateFor(match[1]) });
    } catch (err) {
      if (err instanceof UnknownCurrency) {
        send(res, 404, { error: err.message });
      } else {
        console.error('cannot load rates:', err.message);
        send(res, 503, { error: 'rates unavailable' });
      }
    }
    return;
  }
  send(res, 404, { error: 'not found' });
}

const server = http.createServer((req, res) => {
  handle(req, res).catch((err) => {
    console.error(err);
    if (!res.headersSent) send(res, 500, { error: 'internal error' });
    else res.destroy();
  });
});

server.listen(config.port, () => console.log(`rates-api listening on ${config.port}`));
JS
cd /srv/rates-api && node --check server.js
