#!/bin/sh
# A correct alternative: an explicit lifecycle state (starting, ready, draining) that /healthz reports, the port
# read once into a config object, an async shutdown awaiting a promisified close with a deadline; the service
# started by a shell that sources the environment file itself.
set -eu
mkdir -p /srv/shop-api/lib
cat > /srv/shop-api/lib/config.js <<'JS'
'use strict';
module.exports = Object.freeze({ port: Number.parseInt(process.env.PORT ?? '', 10) || 8080, graceMs: 10000 });
JS
cat > /srv/shop-api/server.js <<'JS'
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
    if (req.url === '/healthz') {
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
(cd /srv/shop-api && node --test)
pkill -x node || true
sleep 0.3
setsid sh -c 'cd /srv/shop-api && . /etc/shop-api.env && export PORT && exec node ./server.js' >>/var/log/shop-api.log 2>&1 </dev/null &
i=0
until [ "$(curl -s http://127.0.0.1:8080/healthz)" = ok ]; do i=$((i + 1)); [ $i -lt 100 ] || exit 1; sleep 0.1; done
