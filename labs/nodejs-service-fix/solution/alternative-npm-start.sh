#!/bin/sh
# A correct alternative: a small edit of the planted file rather than a rewrite. The module-level flag is set by
# each server's 'listening' event, the port parsed with parseInt, and SIGTERM only closes the server: with no
# other handle left, node exits by itself once the last request is answered. Restarted through npm start.
set -eu
cd /srv/shop-api
awk '
  /^function createServer\(\) \{$/ { print; print "  ready = false;"; next }
  /^  return http.createServer\(\(req, res\) => \{$/ { print "  const server = http.createServer((req, res) => {"; next }
  /^  \}\);$/ && !patched { print; print "  server.once(\x27listening\x27, () => { ready = true; });"; print "  return server;"; patched = 1; next }
  /server.listen\(3000/ {
    print "  const port = parseInt(process.env[\x27PORT\x27], 10) || 8080;"
    print "  server.listen(port, () => console.log(`shop-api listening on ${port}`));"
    print "  process.on(\x27SIGTERM\x27, function onTerm() {"
    print "    server.close(function closed(err) { if (err) console.error(err); });"
    print "  });"
    next
  }
  { print }
' server.js > server.js.new
mv server.js.new server.js
npm test --silent
kill $(pidof node)
while curl -s -o /dev/null http://127.0.0.1:3000/healthz; do sleep 0.1; done
set -a; . /etc/shop-api.env; set +a
npm_config_update_notifier=false setsid npm start --silent >>/var/log/shop-api.log 2>&1 </dev/null &
until curl -fs "http://127.0.0.1:$PORT/healthz" >/dev/null; do sleep 0.2; done
