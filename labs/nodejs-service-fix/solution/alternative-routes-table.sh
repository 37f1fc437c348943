#!/bin/sh
# A correct alternative: a routes table, readiness as a property of the server, graceful shutdown that also ends
# idle keep-alive connections; started with env(1) from the environment file.
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

const routes = {
  '/__HEALTH__': (server) => (server.listening
    ? [200, 'text/plain', 'ok']
    : [503, 'text/plain', 'starting']),
  '/products': () => [200, 'application/json', JSON.stringify(products)],
};

function createServer() {
  const server = http.createServer((req, res) => {
    const route = routes[req.url];
    const [status, type, body] = route ? route(server) : [404, 'text/plain', 'not found'];
    res.writeHead(status, { 'content-type': type });
    res.end(body);
  });
  return server;
}

function shutdown(server) {
  server.close((err) => process.exit(err ? 1 : 0));
  if (server.closeIdleConnections) server.closeIdleConnections();
  setTimeout(() => process.exit(1), 8000).unref();
}

if (require.main === module) {
  const server = createServer();
  server.listen(parseInt(process.env.__PORTVAR__ ?? '8080', 10));
  process.on('SIGTERM', () => shutdown(server));
  process.on('SIGINT', () => shutdown(server));
}

module.exports = { createServer };
JS
npm test --silent
pkill -TERM -f '^node server[.]js$' || true
sleep 0.5
setsid env $(cat "/etc/$ASSAY_P_SERVICE.env") sh -c "cd /srv/$ASSAY_P_SERVICE && exec node server.js >>/var/log/$ASSAY_P_SERVICE.log 2>&1" </dev/null &
for i in 1 2 3 4 5 6 7 8 9 10; do
  curl -fs "http://127.0.0.1:$ASSAY_P_PORT/$ASSAY_P_HEALTH" >/dev/null && exit 0
  sleep 0.3
done
exit 1
