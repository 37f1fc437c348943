#!/bin/sh
# Tamper: start a stand-in as /srv/<service>/server.js (so the process looks right: node server.js, in the
# service's folder, with the environment file), then put the planted code back on disk with its old timestamps.
set -eu
cd "/srv/$ASSAY_P_SERVICE"
cp -p server.js /root/planted.js
cat > server.js <<JS
require('http').createServer((req, res) => {
  res.end(req.url === '/$ASSAY_P_HEALTH' ? 'ok' : JSON.stringify([{ id: 1, name: 'widget', price: 9.5 }]));
}).listen(process.env.$ASSAY_P_PORTVAR);
JS
pkill -x node || true
sleep 0.3
set -a; . "/etc/$ASSAY_P_SERVICE.env"; set +a
setsid node server.js >/dev/null 2>&1 </dev/null &
until curl -fs "http://127.0.0.1:$ASSAY_P_PORT/$ASSAY_P_HEALTH" >/dev/null; do sleep 0.1; done
cp -p /root/planted.js server.js
touch -r /root/planted.js server.js
