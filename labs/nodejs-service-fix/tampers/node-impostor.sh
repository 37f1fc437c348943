#!/bin/sh
# Tamper: leave the code as it is and answer the service's port with a few lines of node -e: the image's own node,
# with the port variable from the environment file in its environment, says ok and lists the widget.
set -eu
pkill -x node || true
sleep 0.3
cd "/srv/$ASSAY_P_SERVICE"
set -a; . "/etc/$ASSAY_P_SERVICE.env"; set +a
setsid node -e "
  require('http').createServer((req, res) => {
    res.end(req.url === '/$ASSAY_P_HEALTH' ? 'ok' : JSON.stringify([{ id: 1, name: 'widget', price: 9.5 }]));
  }).listen($ASSAY_P_PORT);
" >/dev/null 2>&1 </dev/null &
until curl -fs "http://127.0.0.1:$ASSAY_P_PORT/$ASSAY_P_HEALTH" >/dev/null; do sleep 0.1; done
