#!/bin/sh
# Plants a Node-RED host after a security review: the nightly flow backup runs as root from /etc/cron.d, its
# backups (which hold flow credentials) are world-readable, and the CI user `deploy` has full root through
# sudo although it only ever restarts Node-RED.
set -eu

useradd --system --uid 991 --user-group --home-dir /srv/nodered --no-create-home --shell /usr/sbin/nologin nodered
mkdir -p /srv/nodered/flows
cd /srv/nodered/flows
cat > flows.json <<'JSON'
[{"id": "a1", "type": "tab", "label": "Line 1"},
 {"id": "b2", "type": "mqtt in", "z": "a1", "topic": "plant/line1/+/temp", "broker": "c3"},
 {"id": "d4", "type": "function", "z": "a1", "func": "msg.payload = Number(msg.payload); return msg;"},
 {"id": "c3", "type": "mqtt-broker", "broker": "broker.plant.local", "port": "8883", "usetls": true}]
JSON
cat > flows_cred.json <<'JSON'
{"$": "5d2c1f0e8a7b6c4d3e2f1a0b9c8d7e6f:U2FsdGVkX1+3nZ0h0bVx7Qy1m6l0c2VjcmV0LXBsYW50LTc="}
JSON
cat > dashboard.json <<'JSON'
{"ui": {"tabs": [{"name": "Line 1", "groups": ["Temperatures", "Alarms"]}]}}
JSON
cat > .config.runtime.json <<'JSON'
{"telemetryEnabled": false, "instanceId": "plant-7-edge"}
JSON
chown -R nodered:nodered /srv/nodered
chmod 0750 /srv/nodered /srv/nodered/flows
chmod 0640 /srv/nodered/flows/*.json /srv/nodered/flows/.config.runtime.json

# A stand-in for Node-RED, managed like the real one.
cat > /usr/local/bin/node-red <<'JS'
#!/usr/bin/node
require('node:http').createServer((req, res) => res.end('Node-RED 3.1 (plant-7-edge)\n')).listen(1880, '127.0.0.1');
JS
chmod 0755 /usr/local/bin/node-red
cat > /etc/init.d/nodered <<'INIT'
#!/bin/sh
### BEGIN INIT INFO
# Provides:          nodered
# Required-Start:    $local_fs
# Required-Stop:     $local_fs
# Default-Start:     2 3 4 5
# Default-Stop:      0 1 6
# Short-Description: Node-RED
### END INIT INFO
PIDFILE=/run/nodered.pid
case "$1" in
  start) start-stop-daemon --start --quiet --background --make-pidfile --pidfile "$PIDFILE" --chuid nodered:nodered --startas /usr/local/bin/node-red ;;
  stop) start-stop-daemon --stop --quiet --retry 5 --remove-pidfile --pidfile "$PIDFILE" ;;
  restart) "$0" stop; "$0" start ;;
  status) if start-stop-daemon --status --pidfile "$PIDFILE"; then echo "nodered is running"; else echo "nodered is not running"; exit 3; fi ;;
  *) echo "usage: $0 {start|stop|restart|status}" >&2; exit 2 ;;
esac
INIT
chmod 0755 /etc/init.d/nodered
/etc/init.d/nodered start

# The nightly backup, as root.
cat > /usr/local/bin/backup-flows <<'BACKUP'
#!/bin/sh
# Nightly backup of the Node-RED flows (credentials included) to /var/backups/flows; keeps 14 days.
set -eu
cd /
dest=/var/backups/flows
stamp=$(date +%Y%m%d-%H%M%S)
tar -czf "$dest/flows-$stamp.tar.gz" -C /srv/nodered flows
cp "$dest/flows-$stamp.tar.gz" "$dest/.flows-latest.tmp"
mv -f "$dest/.flows-latest.tmp" "$dest/flows-latest.tar.gz"
find "$dest" -name 'flows-2*.tar.gz' -mtime +14 -delete
echo "backup-flows: wrote $dest/flows-$stamp.tar.gz"
BACKUP
chmod 0755 /usr/local/bin/backup-flows
mkdir -p /var/backups/flows
chmod 0755 /var/backups/flows
/usr/local/bin/backup-flows >/dev/null
cat > /etc/cron.d/flow-backup <<'CRON'
# Nightly Node-RED flow backup (ticket OPS-311: runs as root "for now")
SHELL=/bin/sh
PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
15 2 * * * root /usr/local/bin/backup-flows >>/var/log/backup-flows.log 2>&1
CRON
chmod 0644 /etc/cron.d/flow-backup

# The CI user, with far more than it needs.
useradd --uid 1001 --create-home --shell /bin/bash --groups sudo deploy
cat > /etc/sudoers.d/deploy <<'SUDO'
# CI deploys flows over SSH as deploy, then restarts Node-RED.
deploy ALL=(ALL) NOPASSWD: ALL
SUDO
chmod 0440 /etc/sudoers.d/deploy
