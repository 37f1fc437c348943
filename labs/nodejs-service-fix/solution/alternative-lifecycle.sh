#!/bin/sh
# A correct alternative: an explicit lifecycle state (starting, ready, draining) that the health path reports, the port
# read once into a config object, an async shutdown awaiting a promisified close with a deadline; the service
# started by a shell that sources the environment file itself.
set -eu
fill() { sed -e "s|__PORTVAR__|$ASSAY_P_PORTVAR|g" -e "s|__HEALTH__|$ASSAY_P_HEALTH|g"; }
mkdir -p "/srv/$ASSAY_P_SERVICE/lib"
fill > "/srv/$ASSAY_P_SERVICE/lib/config.js" <<'JS'
'use strict';
module.exports = Object.freeze({ port: Number.parseInt(process.env.__PORTVAR__ ?? '', 10) || 8080, graceMs: 10000 });
JS
fill > "/srv/$ASSAY_P_SERVICE/server.js" <<'JS'
'use strict';
const http = require('node:http');
const { promisify } = require('node:util');
const config = require('./lib/config');

const products = [
  { id: 1, name: 'widget', price: 9.5 },
  { id: 2, name: 'gadget', price: 12 },
];

class ShopServer extends http.Server {
  constructor() {
    super((req, res) => this.route(req, res));
    this.state = 'starting';
    this.on('listening', () => { this.state = 'ready'; });
  }

  route(req, res) {
    if (req.url === '/__HEALTH__') {
      const ready = this.state === 'ready';
      res.writeHead(ready ? 200 : 503, { 'content-type': 'text/plain' }).end(ready ? 'ok' : this.state);
    } else if (req.url === '/products') {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(products));
    } else {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  }

  async drain(graceMs) {
    this.state = 'draining';
    const deadline = setTimeout(() => this.closeAllConnections(), graceMs);
    await promisify(this.close.bind(this))();
    clearTimeout(deadline);
  }
}

const createServer = () => new ShopServer();

async function main() {
  const server = createServer();
  server.listen(config.port);
  process.on('SIGTERM', async () => {
    await server.drain(config.graceMs);
    process.exit(0);
  });
}

if (require.main === module) main();

module.exports = { createServer };
JS
(cd "/srv/$ASSAY_P_SERVICE" && node --test)
pkill -x node || true
sleep 0.3
setsid sh -c "cd /srv/$ASSAY_P_SERVICE && . /etc/$ASSAY_P_SERVICE.env && export $ASSAY_P_PORTVAR && exec node ./server.js" >>"/var/log/$ASSAY_P_SERVICE.log" 2>&1 </dev/null &
i=0
until [ "$(curl -s "http://127.0.0.1:$ASSAY_P_PORT/$ASSAY_P_HEALTH")" = ok ]; do i=$((i + 1)); [ $i -lt 100 ] || exit 1; sleep 0.1; done
