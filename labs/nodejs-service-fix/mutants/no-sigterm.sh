#!/bin/sh
# Near miss: everything but the SIGTERM handler: a deploy cuts requests off.
set -eu
cd /srv/shop-api
cat > server.js <<'JS'
'use strict';
const http = require('node:http');

const products = [
  { id: 1, name: 'widget', price: 9.5 },
  { id: 2, name: 'gadget', price: 12 },
];

function createServer() {
  let ready = false;
  const server = http.createServer((req, res) => {
    if (req.url === '/healthz') {
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
  const port = Number(process.env.PORT || 8080);
  const server = createServer();
  server.listen(port, () => console.log(`shop-api listening on ${port}`));
}

module.exports = { createServer };
JS
node --test
pkill -f '^node server[.]js$' || true
sleep 0.5
set -a; . /etc/shop-api.env; set +a
setsid sh -c 'cd /srv/shop-api && exec node server.js >>/var/log/shop-api.log 2>&1' </dev/null &
for i in 1 2 3 4 5 6 7 8 9 10; do
  curl -fs "http://127.0.0.1:$PORT/healthz" >/dev/null && exit 0
  sleep 0.3
done
exit 1
