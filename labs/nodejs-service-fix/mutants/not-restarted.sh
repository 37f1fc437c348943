#!/bin/sh
# Near miss: the code is fixed and tested, but the running service is the old one.
set -eu
cd "/srv/$ASSAY_P_SERVICE"
fill() { sed -e "s|__PORTVAR__|$ASSAY_P_PORTVAR|g" -e "s|__HEALTH__|$ASSAY_P_HEALTH|g"; }
fill > server.js <<'JS'
'use strict';
const http = require('node:http');

const products = [
  { id: 1, name: 'widget', price: 9.5 },
  { id: 2, name: 'gadget', price: 12 },
];

function createServer() {
  let ready = false;
  const server = http.createServer((req, res) => {
    if (req.url === '/__HEALTH__') {
      res.writeHead(ready ? 200 : 503, { 'content-type': 'text/plain' });
      res.end(ready ? 'ok' : 'starting');
      return;
    }
    if (req.url === '/products') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(products));
      return;
    }
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('not found');
  });
  server.on('listening', () => { ready = true; });
  server.on('close', () => { ready = false; });
  return server;
}

if (require.main === module) {
  const port = Number(process.env.__PORTVAR__ || 8080);
  const server = createServer();
  server.listen(port, () => console.log(`listening on ${port}`));
  process.on('SIGTERM', () => {
    console.log('SIGTERM: draining');
    server.close(() => process.exit(0));
    setTimeout(() => process.exit(1), 10000).unref();
  });
}

module.exports = { createServer };
JS
node --test
