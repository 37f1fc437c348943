#!/bin/sh
# A correct alternative: the port destructured from process.env, readiness read from server.listening, one
# shutdown registered with process.once for SIGTERM and SIGINT in a loop, exit on the server's 'close' event
# (idle keep-alive connections closed so they do not hold it open); restarted from / with the script's absolute
# path and env(1) fed from the environment file, the old process found by its port.
set -eu
fill() { sed -e "s|__PORTVAR__|$ASSAY_P_PORTVAR|g" -e "s|__HEALTH__|$ASSAY_P_HEALTH|g"; }
fill > "/srv/$ASSAY_P_SERVICE/server.js" <<'JS'
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
      case '/__HEALTH__':
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
  const { __PORTVAR__: port = '8080' } = process.env;
  const server = createServer().listen(+port);
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
cd "/srv/$ASSAY_P_SERVICE" && node --test
old=$(ss -Hltnp "sport = :$ASSAY_P_OLDPORT" | sed -n 's/.*pid=\([0-9]*\).*/\1/p' | head -n 1)
[ -z "$old" ] || kill "$old"
cd /
env $(grep -v '^#' "/etc/$ASSAY_P_SERVICE.env" | xargs) setsid node "/srv/$ASSAY_P_SERVICE/server.js" >>"/var/log/$ASSAY_P_SERVICE.log" 2>&1 </dev/null &
until curl -fs "http://127.0.0.1:$ASSAY_P_PORT/$ASSAY_P_HEALTH" >/dev/null; do sleep 0.1; done
