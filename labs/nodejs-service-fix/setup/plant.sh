#!/bin/sh
# Plants the shop's Node.js API in /srv/$ASSAY_P_SERVICE: it never reports ready, listens on a hard-coded port
# ($ASSAY_P_OLDPORT), has no SIGTERM handling, and its test suite (on /$ASSAY_P_HEALTH) fails. The platform's
# environment file names its port: $ASSAY_P_PORTVAR=$ASSAY_P_PORT. It is running (the old way) when the candidate
# arrives. Every value is drawn per session (lab.yaml, parameters).
set -eu
svc=$ASSAY_P_SERVICE
fill() { sed -e "s|__SERVICE__|$svc|g" -e "s|__HEALTH__|$ASSAY_P_HEALTH|g" -e "s|__OLDPORT__|$ASSAY_P_OLDPORT|g"; }
mkdir -p "/srv/$svc/test"
cd "/srv/$svc"
fill > package.json <<'JSON'
{"name": "__SERVICE__", "version": "2.3.0", "private": true, "scripts": {"start": "node server.js", "test": "node --test"}}
JSON
fill > server.js <<'JS'
'use strict';
const http = require('node:http');

const products = [
  { id: 1, name: 'widget', price: 9.5 },
  { id: 2, name: 'gadget', price: 12 },
];
let ready = false;

function createServer() {
  return http.createServer((req, res) => {
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
}

if (require.main === module) {
  const server = createServer();
  server.listen(__OLDPORT__, () => console.log('__SERVICE__ listening on __OLDPORT__'));
}

module.exports = { createServer };
JS
fill > test/server.test.js <<'JS'
'use strict';
const { test } = require('node:test');
const assert = require('node:assert');
const { createServer } = require('../server.js');

async function withServer(fn) {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    await fn(`http://127.0.0.1:${server.address().port}`);
  } finally {
    const closed = new Promise((resolve) => server.close(resolve));
    server.closeAllConnections(); // fetch keeps connections alive; do not wait for them to time out
    await closed;
  }
}

test('__HEALTH__ answers ok once the server listens', () => withServer(async (base) => {
  const res = await fetch(`${base}/__HEALTH__`);
  assert.equal(res.status, 200);
  assert.equal(await res.text(), 'ok');
}));

test('products lists the widget', () => withServer(async (base) => {
  const res = await fetch(`${base}/products`);
  assert.equal(res.status, 200);
  assert.ok((await res.json()).some((p) => p.name === 'widget'));
}));
JS
printf '%s=%s\n' "$ASSAY_P_PORTVAR" "$ASSAY_P_PORT" > "/etc/$svc.env"
setsid sh -c "cd /srv/$svc && exec node server.js >/var/log/$svc.log 2>&1" </dev/null &
# Ready when the old service answers (503, not ready): node has read server.js by then.
for i in $(seq 1 50); do
  [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$ASSAY_P_OLDPORT/$ASSAY_P_HEALTH")" = 503 ] && exit 0
  sleep 0.1
done
echo "the planted service did not start" >&2
exit 1
