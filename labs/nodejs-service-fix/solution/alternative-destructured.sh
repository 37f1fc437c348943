#!/bin/sh
# A correct alternative: the port destructured from process.env, readiness read from server.listening, one
# shutdown registered with process.once for SIGTERM and SIGINT in a loop, exit on the server's 'close' event
# (idle keep-alive connections closed so they do not hold it open); restarted from / with the script's absolute
# path and env(1) fed from the environment file, the old process found by its port.
set -eu
cat > /srv/shop-api/server.js <<'JS'
'use strict';
const http = require('node:http');

const products = [
  { id: 1, name: 'widget', price: 9.5 },
  { id: 2, name: 'gadget', price: 12 },
];

function reply(res, status, type, body) {
  res.statusCode = status;
  res.setHeader('content-type', type);
  res.end(body);
}

function createServer() {
  const server = http.createServer((req, res) => {
    switch (req.url) {
      case '/healthz':
        return server.listening ? reply(res, 200, 'text/plain', 'ok') : reply(res, 503, 'text/plain', 'starting');
      case '/products':
        return reply(res, 200, 'application/json', JSON.stringify(products));
      default:
        return reply(res, 404, 'text/plain', 'not found');
    }
  });
  return server;
}

if (require.main === module) {
  const { PORT = '8080' } = process.env;
  const server = createServer().listen(+PORT);
  const stop = (signal) => {
    console.error(`${signal}: no new connections, finishing what is in flight`);
    server.once('close', () => process.exit(0));
    server.close();
    server.closeIdleConnections();
    setTimeout(() => process.exit(1), 15_000).unref();
  };
  for (const signal of ['SIGTERM', 'SIGINT']) process.once(signal, stop);
}

module.exports = { createServer };
JS
cd /srv/shop-api && node --test
old=$(ss -Hltnp 'sport = :3000' | sed -n 's/.*pid=\([0-9]*\).*/\1/p' | head -n 1)
[ -z "$old" ] || kill "$old"
cd /
env $(grep -v '^#' /etc/shop-api.env | xargs) setsid node /srv/shop-api/server.js >>/var/log/shop-api.log 2>&1 </dev/null &
until curl -fs http://127.0.0.1:8080/healthz >/dev/null; do sleep 0.1; done
