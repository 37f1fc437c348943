#!/bin/sh
# Tamper: start a stand-in as /srv/shop-api/server.js (so the process looks right: node server.js, in the
# service's folder, with the environment file), then put the planted code back on disk with its old timestamps.
set -eu
cd /srv/shop-api
cp -p server.js /root/planted.js
cat > server.js <<'JS'
require('http').createServer((req, res) => {
  res.end(req.url === '/healthz' ? 'ok' : JSON.stringify([{ id: 1, name: 'widget', price: 9.5 }]));
}).listen(process.env.PORT);
JS
pkill -x node || true
sleep 0.3
set -a; . /etc/shop-api.env; set +a
setsid node server.js >/dev/null 2>&1 </dev/null &
until curl -fs http://127.0.0.1:8080/healthz >/dev/null; do sleep 0.1; done
cp -p /root/planted.js server.js
touch -r /root/planted.js server.js
