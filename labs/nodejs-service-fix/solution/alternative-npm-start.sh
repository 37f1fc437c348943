#!/bin/sh
# A correct alternative: a small edit of the planted file rather than a rewrite. The module-level flag is set by
# each server's 'listening' event, the port parsed with parseInt, and SIGTERM only closes the server: with no
# other handle left, node exits by itself once the last request is answered. Restarted through npm start.
set -eu
cd "/srv/$ASSAY_P_SERVICE"
awk -v var="$ASSAY_P_PORTVAR" -v old="$ASSAY_P_OLDPORT" '
  /^function createServer\(\) \{$/ { print; print "  ready = false;"; next }
  /^  return http.createServer\(\(req, res\) => \{$/ { print "  const server = http.createServer((req, res) => {"; next }
  /^  \}\);$/ && !patched { print; print "  server.once(\x27listening\x27, () => { ready = true; });"; print "  return server;"; patched = 1; next }
  index($0, "server.listen(" old ",") {
    print "  const port = parseInt(process.env[\x27" var "\x27], 10) || 8080;"
    print "  server.listen(port, () => console.log(`listening on ${port}`));"
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
while curl -s -o /dev/null "http://127.0.0.1:$ASSAY_P_OLDPORT/$ASSAY_P_HEALTH"; do sleep 0.1; done
set -a; . "/etc/$ASSAY_P_SERVICE.env"; set +a
npm_config_update_notifier=false setsid npm start --silent >>"/var/log/$ASSAY_P_SERVICE.log" 2>&1 </dev/null &
until curl -fs "http://127.0.0.1:$ASSAY_P_PORT/$ASSAY_P_HEALTH" >/dev/null; do sleep 0.2; done
