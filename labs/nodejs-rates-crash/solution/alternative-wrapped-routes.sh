#!/bin/sh
# A correct alternative: a config module, a routes table of async handlers each wrapped by one function that maps
# an HttpError's status (any other error 500), the rates read with the callback API in a Promise, and a
# process-wide unhandledRejection logger kept only as a last resort.
set -eu
cd /srv/rates-api
mkdir -p lib
cat > lib/config.js <<'JS'
'use strict';
module.exports = Object.freeze({
  port: Number.parseInt(process.env['PORT'] ?? '', 10) || 3000,
  ratesFile: process.env['RATES_FILE'] ?? `${__dirname}/../rates.json`,
});
JS
cat > server.js <<'JS'
'use strict';
const http = require('node:http');
const fs = require('node:fs');
const config = require('./lib/config');

class HttpError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

function readRates() {
  return new Promise((resolve, reject) => {
    fs.readFile(config.ratesFile, 'utf8', (err, text) => {
      if (err) return reject(new HttpError(503, `rates file unreadable: ${err.code}`));
      try {
        resolve(JSON.parse(text));
      } catch (parseError) {
        reject(new HttpError(503, `rates file is not JSON: ${parseError.message}`));
      }
    });
  });
}

const routes = [
  [/^\/healthz$/, async () => { await readRates(); return { status: 'ok' }; }],
  [/^\/rates\/([A-Z]{3})$/, async ([, code]) => {
    const rates = await readRates();
    if (!(code in rates) || typeof rates[code] !== 'number') throw new HttpError(404, `unknown currency ${code}`);
    return { currency: code, rate: rates[code] };
  }],
];

const wrap = (handler) => async (match, res) => {
  let status = 200;
  let body;
  try {
    body = await handler(match);
  } catch (err) {
    status = err instanceof HttpError ? err.status : 500;
    body = { error: err.message };
  }
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
};

const table = routes.map(([pattern, handler]) => [pattern, wrap(handler)]);

process.on('unhandledRejection', (reason) => console.error('unhandled rejection:', reason));

http.createServer((req, res) => {
  const path = req.url.split('?')[0];
  for (const [pattern, run] of table) {
    const match = pattern.exec(path);
    if (match) return void run(match, res);
  }
  res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"not found"}');
}).listen(config.port);
JS
node --check server.js
