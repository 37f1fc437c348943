#!/bin/sh
# Plants a FlowFuse platform host in the middle of an incident. nginx on port 80 proxies to the forge (the
# platform's API and dashboard, a Node.js service on 127.0.0.1:3000, run by forge-supervisor as user flowfuse);
# the forge keeps a session on the platform's MQTT broker (mosquitto, 127.0.0.1:1883). 14 minutes ago the deploy
# pipeline rolled out forge 2.9.0 and committed a config change to /etc/flowfuse (a git repository): the broker
# URL was replaced by the production value from the release template, a host this machine cannot reach. 2.9.0
# refuses to start without its broker, so the forge crash-loops and nginx answers 502.
# The broker holds the forge's retained status: "offline" since the deploy.
set -eu
export LC_ALL=C
now=$(date +%s)
ts() { date -u -d "@$1" +%Y-%m-%dT%H:%M:%S.000Z; }   # the forge's log format
deploy_at=$((now - 840))

useradd --system --uid 991 --user-group --home-dir /var/lib/flowfuse --create-home --shell /usr/sbin/nologin flowfuse
mkdir -p /opt/flowfuse/releases/2.8.4 /opt/flowfuse/releases/2.9.0 /etc/flowfuse /var/log/flowfuse

# ---- the forge (one source, two releases) --------------------------------------------------------------------
cat > /opt/flowfuse/forge.js.in <<'JS'
'use strict';
// FlowFuse forge @VERSION@: the platform's API and dashboard, in front of the Node-RED instances it hosts.
// Configuration comes from the environment (/etc/flowfuse/forge.env, read by forge-supervisor at start).
const http = require('node:http');
const net = require('node:net');
const tls = require('node:tls');

const VERSION = '@VERSION@';
const BROKER_REQUIRED = @REQUIRED@;
const port = Number(process.env.FORGE_PORT || 3000);
const brokerUrl = new URL(process.env.FORGE_BROKER_URL || 'mqtt://127.0.0.1:1883');
const keepalive = Number(process.env.FORGE_BROKER_KEEPALIVE || 60);
const statusTopic = 'flowfuse/platform/forge/status';
const instances = ['plant7-line1-packaging', 'plant7-telemetry', 'hvac-monitor', 'energy-dashboard',
  'oee-calculator', 'shift-report', 'opcua-bridge', 'alarm-router', 'modbus-poller', 'kiln-control',
  'quality-vision', 'maintenance-scheduler'];
let broker = 'disconnected';

function log(level, message) {
  console.log(`${new Date().toISOString()} ${level} forge[${process.pid}]: ${message}`);
}

function mqttString(text) {
  const bytes = Buffer.from(text);
  const length = Buffer.alloc(2);
  length.writeUInt16BE(bytes.length);
  return Buffer.concat([length, bytes]);
}

function mqttPacket(type, body) {
  const length = [];
  let n = body.length;
  do {
    let digit = n % 128;
    n = Math.floor(n / 128);
    if (n > 0) digit |= 128;
    length.push(digit);
  } while (n > 0);
  return Buffer.concat([Buffer.from([type, ...length]), body]);
}

// MQTT 3.1.1: connect with a retained "offline" will, then publish a retained "online".
function connectBroker() {
  return new Promise((resolve, reject) => {
    const secure = brokerUrl.protocol === 'mqtts:';
    const options = { host: brokerUrl.hostname, port: Number(brokerUrl.port || (secure ? 8883 : 1883)) };
    const socket = secure ? tls.connect({ ...options, servername: options.host }) : net.connect(options);
    const timer = setTimeout(() => socket.destroy(new Error('no answer within 3s')), 3000);
    const fail = (error) => { clearTimeout(timer); socket.destroy(); reject(error); };
    socket.once('error', fail);
    socket.once(secure ? 'secureConnect' : 'connect', () => {
      const ka = Buffer.alloc(2);
      ka.writeUInt16BE(keepalive);
      socket.write(mqttPacket(0x10, Buffer.concat([mqttString('MQTT'), Buffer.from([4, 0x26]), ka,
        mqttString('flowfuse-forge'), mqttString(statusTopic), mqttString('offline')])));
    });
    socket.once('data', (data) => {
      if (data[0] !== 0x20 || data[3] !== 0) { fail(new Error(`broker refused the session (CONNACK ${data[3]})`)); return; }
      clearTimeout(timer);
      socket.removeListener('error', fail);
      socket.on('data', () => {});
      socket.on('error', (error) => log('WARN', `broker connection error: ${error.message}`));
      socket.on('close', () => {
        broker = 'disconnected';
        log('WARN', 'broker connection lost, reconnecting in 5s');
        setTimeout(keepTryingBroker, 5000).unref();
      });
      socket.write(mqttPacket(0x31, Buffer.concat([mqttString(statusTopic), Buffer.from('online')])));
      setInterval(() => socket.write(Buffer.from([0xc0, 0])), keepalive * 500).unref();
      broker = 'connected';
      log('INFO', `connected to broker ${brokerUrl.host}`);
      resolve(socket);
    });
  });
}

function keepTryingBroker() {
  connectBroker().catch((error) => {
    log('WARN', `broker ${brokerUrl.host} unreachable (${error.code || error.message}), retrying in 5s`);
    setTimeout(keepTryingBroker, 5000).unref();
  });
}

const server = http.createServer((req, res) => {
  if (req.url === '/api/v1/health') {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ status: broker === 'connected' ? 'ok' : 'degraded', version: VERSION, broker }));
  } else if (req.url === '/api/v1/instances') {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(instances.map((name) => ({ name, state: 'running' }))));
  } else if (req.url === '/' || req.url === '/dashboard') {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><title>FlowFuse</title><h1>FlowFuse</h1><p>Team plant-7: ${instances.length} Node-RED instances running.</p><p>forge ${VERSION}</p>\n`);
  } else {
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('not found\n');
  }
});

function listen() {
  server.listen(port, '127.0.0.1', () => log('INFO', `forge ${VERSION} listening on 127.0.0.1:${port}`));
}

process.on('SIGTERM', () => { log('INFO', 'SIGTERM: shutting down'); server.close(); process.exit(0); });

log('INFO', `forge ${VERSION} starting, broker ${brokerUrl.href}`);
if (BROKER_REQUIRED) {
  // 2.9.0: the forge must not accept device registrations it cannot deliver, so no broker, no start.
  connectBroker().then(listen, (error) => {
    log('FATAL', `cannot reach the platform broker at ${brokerUrl.host}: ${error.code || ''} ${error.message}`);
    log('FATAL', 'refusing to start without a broker (FORGE_BROKER_URL)');
    process.exit(1);
  });
} else {
  listen();
  keepTryingBroker();
}
JS
for v in 2.8.4:false 2.9.0:true; do
  version=${v%%:*}
  sed -e "s/@VERSION@/$version/g" -e "s/@REQUIRED@/${v#*:}/" /opt/flowfuse/forge.js.in > "/opt/flowfuse/releases/$version/server.js"
  printf '{"name": "@flowfuse/forge", "version": "%s", "private": true, "main": "server.js"}\n' "$version" \
    > "/opt/flowfuse/releases/$version/package.json"
done
rm /opt/flowfuse/forge.js.in
cat > /opt/flowfuse/releases/2.9.0/CHANGELOG.md <<'MD'
# forge 2.9.0

- Device registrations are delivered through the platform broker. **The forge now refuses to start when the
  broker in `FORGE_BROKER_URL` cannot be reached** (it used to start and retry in the background).
- New setting `FORGE_BROKER_KEEPALIVE` (seconds, default 60).
- The release template's `forge.env` carries the production broker (`mqtts://broker.flowfuse.internal:8883`);
  self-hosted and edge platforms keep their own.
MD
cat > /opt/flowfuse/releases/2.8.4/CHANGELOG.md <<'MD'
# forge 2.8.4

- Dashboard: instance list sorted by name.
MD

cat > /usr/local/bin/forge-supervisor <<'SH'
#!/bin/sh
# forge-supervisor: keeps the FlowFuse forge running (Restart=always, RestartSec=3s). Reads /etc/flowfuse/forge.env
# once, when it starts: restart the service after changing it.
LOG=/var/log/flowfuse/forge.log
set -a
. /etc/flowfuse/forge.env
set +a
child=""
trap '[ -n "$child" ] && kill "$child" 2>/dev/null; exit 0' TERM INT
while :; do
  echo "$(date -u +%Y-%m-%dT%H:%M:%S.000Z) INFO supervisor: starting forge $(readlink /opt/flowfuse/current)" >>"$LOG"
  node /opt/flowfuse/current/server.js </dev/null >>"$LOG" 2>&1 &
  child=$!
  wait "$child"
  status=$?
  echo "$(date -u +%Y-%m-%dT%H:%M:%S.000Z) ERROR supervisor: forge exited with status $status, restarting in 3s" >>"$LOG"
  sleep 3
done
SH
chmod 0755 /usr/local/bin/forge-supervisor

cat > /etc/init.d/flowfuse-forge <<'SH'
#!/bin/sh
### BEGIN INIT INFO
# Provides:          flowfuse-forge
# Required-Start:    $local_fs $network
# Required-Stop:     $local_fs
# Default-Start:     2 3 4 5
# Default-Stop:      0 1 6
# Short-Description: FlowFuse forge (platform API and dashboard), under forge-supervisor
### END INIT INFO
PIDFILE=/run/flowfuse-forge.pid
case "$1" in
  start)
    start-stop-daemon --start --quiet --background --make-pidfile --pidfile "$PIDFILE" \
      --chuid flowfuse:flowfuse --startas /usr/local/bin/forge-supervisor && echo "flowfuse-forge started" ;;
  stop)
    start-stop-daemon --stop --quiet --retry TERM/5/KILL/2 --remove-pidfile --pidfile "$PIDFILE"; echo "flowfuse-forge stopped" ;;
  restart)
    "$0" stop; "$0" start ;;
  status)
    if start-stop-daemon --status --pidfile "$PIDFILE"; then echo "flowfuse-forge (supervisor) is running"; else echo "flowfuse-forge is not running"; exit 3; fi ;;
  *)
    echo "usage: $0 {start|stop|restart|status}" >&2; exit 2 ;;
esac
SH
chmod 0755 /etc/init.d/flowfuse-forge

# ---- the configuration, under git, as the pipeline keeps it ---------------------------------------------------
cd /etc/flowfuse
git init -q -b main .
git config user.name "Platform Team"
git config user.email platform@flowfuse.example
cat > forge.env <<'ENV'
# FlowFuse forge on euw1-edge-platform-03 (plant-7). Managed by the deploy pipeline: commit every change here.
FORGE_PORT=3000
FORGE_BASE_URL=https://plant7.flowfuse.example
FORGE_BROKER_URL=mqtt://127.0.0.1:1883
FORGE_LOG_LEVEL=info
ENV
old=$(ts $((now - 3456000)))
GIT_AUTHOR_DATE=$old GIT_COMMITTER_DATE=$old git add forge.env
GIT_AUTHOR_DATE=$old GIT_COMMITTER_DATE=$old git commit -q -m "forge 2.8: configuration for euw1-edge-platform-03"
chown -R root:flowfuse /etc/flowfuse
chmod 0640 forge.env
chmod 0750 /etc/flowfuse
ln -sfn releases/2.8.4 /opt/flowfuse/current
chown flowfuse:flowfuse /var/log/flowfuse

# ---- the broker ---------------------------------------------------------------------------------------------
cat > /etc/mosquitto/conf.d/flowfuse.conf <<'CONF'
# The platform broker: the forge and the plant's devices (local to this host).
listener 1883 127.0.0.1
allow_anonymous true
CONF
sed -i 's|^pid_file /run/mosquitto/mosquitto.pid$|# pid_file: kept by /etc/init.d/mosquitto (start-stop-daemon)|' \
  /etc/mosquitto/mosquitto.conf
mkdir -p /run/mosquitto
service mosquitto start >/dev/null
i=0
until mosquitto_pub -h 127.0.0.1 -t flowfuse/platform/boot -m up 2>/dev/null; do
  i=$((i + 1)); [ "$i" -lt 50 ] || { echo "the broker did not start" >&2; exit 1; }; sleep 0.1
done

# ---- nginx ----------------------------------------------------------------------------------------------------
chown root:adm /var/log/nginx/access.log /var/log/nginx/error.log
rm -f /etc/nginx/sites-enabled/default
cat > /etc/nginx/sites-available/flowfuse <<'SITE'
# FlowFuse platform: dashboard and API, proxied to the forge.
upstream forge {
    server 127.0.0.1:3000;
}
server {
    listen 80 default_server;
    server_name plant7.flowfuse.example _;
    location / {
        proxy_pass http://forge;
        proxy_http_version 1.1;
        proxy_set_header Host $host;
        proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
        proxy_connect_timeout 2s;
    }
}
SITE
ln -sf /etc/nginx/sites-available/flowfuse /etc/nginx/sites-enabled/flowfuse
nginx

# ---- before the deploy: 2.8.4 ran, connected; its session ended with the deploy's restart (its will: offline) ---
mosquitto_pub -h 127.0.0.1 -q 1 -r -t flowfuse/platform/forge/status -m offline

# ---- the deploy: a new release and the release template's broker -----------------------------------------------
sed -i -e 's|^FORGE_BROKER_URL=.*|FORGE_BROKER_URL=mqtts://broker.flowfuse.internal:8883|' \
  -e '/^FORGE_BROKER_URL=/a FORGE_BROKER_KEEPALIVE=30' forge.env
d=$(ts "$deploy_at")
GIT_AUTHOR_DATE=$d GIT_COMMITTER_DATE=$d git -c user.name=deploy-bot -c user.email=deploy-bot@flowfuse.example \
  commit -q -a -m "deploy forge 2.9.0 (pipeline #4812): forge.env from the release template"
ln -sfn releases/2.9.0 /opt/flowfuse/current

# The history the logs would hold: a quiet week on 2.8.4, the deploy, then a restart every ~3.5 s.
python3 - "$now" "$deploy_at" <<'PY'
import sys, time
now, deploy = int(sys.argv[1]), int(sys.argv[2])
ts = lambda t: time.strftime("%Y-%m-%dT%H:%M:%S.000Z", time.gmtime(t))
lines = ["%s INFO supervisor: starting forge releases/2.8.4" % ts(now - 7200),
         "%s INFO forge[2211]: forge 2.8.4 starting, broker mqtt://127.0.0.1:1883" % ts(now - 7200),
         "%s INFO forge[2211]: forge 2.8.4 listening on 127.0.0.1:3000" % ts(now - 7200),
         "%s INFO forge[2211]: connected to broker 127.0.0.1:1883" % ts(now - 7200),
         "%s INFO forge[2211]: SIGTERM: shutting down" % ts(deploy + 4)]
t, pid = deploy + 5, 7301
while t < now:
    lines += ["%s INFO supervisor: starting forge releases/2.9.0" % ts(t),
              "%s INFO forge[%d]: forge 2.9.0 starting, broker mqtts://broker.flowfuse.internal:8883" % (ts(t), pid),
              "%s FATAL forge[%d]: cannot reach the platform broker at broker.flowfuse.internal:8883: EAI_AGAIN getaddrinfo EAI_AGAIN broker.flowfuse.internal" % (ts(t), pid),
              "%s FATAL forge[%d]: refusing to start without a broker (FORGE_BROKER_URL)" % (ts(t), pid),
              "%s ERROR supervisor: forge exited with status 1, restarting in 3s" % ts(t)]
    t, pid = t + 4, pid + 7
with open("/var/log/flowfuse/forge.log", "w") as f:
    f.write("\n".join(lines) + "\n")
with open("/var/log/flowfuse/uptime.log", "w") as f:
    for t in range(now - 1800, now, 15):
        f.write("%s GET /api/v1/health %d\n" % (time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(t)), 200 if t < deploy + 4 else 502))
PY
chown flowfuse:flowfuse /var/log/flowfuse/forge.log
cat > /var/log/flowfuse/deploy.log <<LOG
$(ts $((now - 1209600))) deploy-bot: pipeline #4650 forge 2.8.4 to euw1-edge-platform-03: ok
$(ts $((deploy_at - 31))) deploy-bot: pipeline #4812 forge 2.9.0 to euw1-edge-platform-03: started
$(ts $((deploy_at - 20))) deploy-bot: unpacked /opt/flowfuse/releases/2.9.0
$(ts "$deploy_at") deploy-bot: /etc/flowfuse/forge.env from the release template, committed
$(ts $((deploy_at + 3))) deploy-bot: /opt/flowfuse/current -> releases/2.9.0
$(ts $((deploy_at + 4))) deploy-bot: service flowfuse-forge restart
$(ts $((deploy_at + 9))) deploy-bot: health check skipped (FORGE_SMOKE_TEST=false)
$(ts $((deploy_at + 9))) deploy-bot: pipeline #4812: done
LOG
: > /var/log/nginx/error.log
: > /var/log/nginx/access.log

# ---- the incident, live: the crash loop, and the uptime check that paged ---------------------------------------
service flowfuse-forge start >/dev/null
cat > /usr/local/bin/uptime-check <<'SH'
#!/bin/sh
# The platform's synthetic check (it pages on-call after 3 failures in a row).
while :; do
  code=$(curl -s -o /dev/null -m 5 -w '%{http_code}' http://127.0.0.1/api/v1/health)
  echo "$(date -u +%Y-%m-%dT%H:%M:%SZ) GET /api/v1/health $code"
  sleep 15
done
SH
chmod 0755 /usr/local/bin/uptime-check
setsid /usr/local/bin/uptime-check </dev/null >>/var/log/flowfuse/uptime.log 2>&1 &
i=0
until [ "$(curl -s -o /dev/null -w '%{http_code}' http://127.0.0.1/api/v1/health)" = 502 ] \
      && grep -q 'FATAL forge.*refusing' /var/log/flowfuse/forge.log; do
  i=$((i + 1)); [ "$i" -lt 100 ] || { echo "the incident did not start" >&2; exit 1; }; sleep 0.1
done
