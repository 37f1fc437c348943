#!/bin/sh
# Plants an edge gateway whose data volume (/var/tmp, the lab's disk) is full: the telemetry forwarder, a small
# service running as its own user, logged so much that someone deleted its log while it still held it open. The
# space is still taken (by the deleted file), du cannot see it, and /healthz fails because the spool cannot be
# written. 300 pending batches in the spool must survive. Drawn per session (lab.yaml, parameters): the service's
# name ($ASSAY_P_SERVICE: its program, init script, pid file and log), its user and data folder /var/tmp/<user>
# ($ASSAY_P_USER) and its health port ($ASSAY_P_PORT), which the forwarder reads from /etc/<service>.conf.
set -eu
name=$ASSAY_P_SERVICE
user=$ASSAY_P_USER
DATA=/var/tmp/$user
LOG=$DATA/log/$name.log

useradd --system --uid 990 --user-group --home-dir "$DATA" --no-create-home --shell /usr/sbin/nologin "$user"
mkdir -p "$DATA/spool" "$DATA/log"

printf '# %s: the Node-RED telemetry forwarder of this gateway\ndata = %s\nport = %s\n' "$name" "$DATA" "$ASSAY_P_PORT" \
  > "/etc/$name.conf"
cat > "/usr/local/bin/$name" <<'PY'
#!/usr/bin/python3
"""Forwards Node-RED telemetry batches from the spool to the cloud (uploads are off in this lab).

Reads /etc/<name>.conf (<name>: this program's file name): its data folder and health port. Serves GET /healthz on
127.0.0.1:<port>: 200 "ok" when the spool is writable, else 507. Logs to <data>/log/<name>.log; SIGHUP reopens the
log file (for log rotation).
"""
import http.server, os, signal, sys, threading, time

NAME = os.path.basename(sys.argv[0])
with open("/etc/%s.conf" % NAME) as conf:
    SETTINGS = dict(map(str.strip, line.split("=", 1)) for line in conf if "=" in line and not line.startswith("#"))
DATA = SETTINGS["data"]
PORT = int(SETTINGS["port"])
LOG_PATH = "%s/log/%s.log" % (DATA, NAME)
log_lock = threading.Lock()
log_file = open(LOG_PATH, "a", buffering=1)


def log(level, message):
    line = "%s %s %s[%d]: %s\n" % (time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()), level, NAME, os.getpid(), message)
    with log_lock:
        try:
            log_file.write(line)
        except OSError:
            pass  # a full disk must not stop the forwarder


def reopen(signum, frame):
    global log_file
    with log_lock:
        old, log_file = log_file, open(LOG_PATH, "a", buffering=1)
        try:
            old.close()
        except OSError:
            pass
    log("INFO", "log file reopened")


def poll():
    cycle = 0
    while True:
        cycle += 1
        log("DEBUG", "poll cycle %d: 12 devices, 0 new batches, upload queue %d" % (cycle, len(os.listdir(DATA + "/spool"))))
        time.sleep(1)


class Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        if self.path != "/healthz":
            self.send_error(404)
            return
        try:
            with open(DATA + "/spool/.heartbeat", "wb") as beat:
                beat.write(b"x" * 65536)
            status, body = 200, "ok\n"
        except OSError as e:
            status, body = 507, "spool not writable: %s\n" % e.strerror
            log("ERROR", "heartbeat failed: " + e.strerror)
        self.send_response(status)
        self.send_header("Content-Type", "text/plain")
        self.end_headers()
        self.wfile.write(body.encode())

    def log_message(self, fmt, *args):
        log("INFO", "http " + fmt % args)


signal.signal(signal.SIGHUP, reopen)
log("INFO", "started, spool " + DATA + "/spool")
threading.Thread(target=poll, daemon=True).start()
http.server.ThreadingHTTPServer(("127.0.0.1", PORT), Handler).serve_forever()
PY
chmod 0755 "/usr/local/bin/$name"

sed -e "s|__NAME__|$name|g" -e "s|__USER__|$user|g" > "/etc/init.d/$name" <<'SH2'
#!/bin/sh
### BEGIN INIT INFO
# Provides:          __NAME__
# Required-Start:    $local_fs
# Required-Stop:     $local_fs
# Default-Start:     2 3 4 5
# Default-Stop:      0 1 6
# Short-Description: Node-RED telemetry forwarder
### END INIT INFO
PIDFILE=/run/__NAME__.pid
case "$1" in
  start)
    start-stop-daemon --start --quiet --background --make-pidfile --pidfile "$PIDFILE" \
      --chuid __USER__:__USER__ --startas /usr/local/bin/__NAME__ ;;
  stop)
    start-stop-daemon --stop --quiet --retry 5 --remove-pidfile --pidfile "$PIDFILE" ;;
  restart)
    "$0" stop; "$0" start ;;
  reload)
    start-stop-daemon --stop --signal HUP --quiet --pidfile "$PIDFILE" ;;
  status)
    if start-stop-daemon --status --pidfile "$PIDFILE"; then echo "__NAME__ is running"; else echo "__NAME__ is not running"; exit 3; fi ;;
  *)
    echo "usage: $0 {start|stop|restart|reload|status}" >&2; exit 2 ;;
esac
SH2
chmod 0755 "/etc/init.d/$name"

# 300 batches waiting for upload (about 1.8 MiB): the customer's data.
python3 - "$DATA" <<'PY'
import json, random, sys
random.seed(7)
for i in range(300):
    rows = [{"device": "plc-%02d" % (j % 12), "tag": "line1/temp", "t": 1763600000 + i * 60 + j, "v": round(random.uniform(18, 74), 2)}
            for j in range(90)]
    with open("%s/spool/batch-2026-11-2%d-%04d.json" % (sys.argv[1], i // 100, i), "w") as f:
        json.dump({"site": "plant-7", "batch": i, "rows": rows}, f)
PY
chown -R "$user:$user" "$DATA"
chmod 0755 "$DATA" "$DATA/spool"
chmod 0750 "$DATA/log"
: > "$LOG" && chown "$user:$user" "$LOG" && chmod 0640 "$LOG"

"/etc/init.d/$name" start
tries=0
until curl -fs -o /dev/null "http://127.0.0.1:$ASSAY_P_PORT/healthz"; do
  tries=$((tries + 1)); [ "$tries" -lt 100 ] || { echo "$name did not answer" >&2; exit 1; }; sleep 0.05
done

# The night's chatty log, then the on-call "fix": rm of a file the process still has open.
pid=$(cat "/run/$name.pid")
fd=""
for f in /proc/"$pid"/fd/*; do [ "$(readlink "$f")" = "$LOG" ] && fd=$f; done
[ -n "$fd" ] || { echo "$name has no log open" >&2; exit 1; }
rm -f "$LOG" "$DATA/spool/.heartbeat"
python3 - "$fd" "$name" <<'PY'
import sys, time
t = 1764118800
try:
    with open(sys.argv[1], "a") as out:
        # A second of log (40 lines) at a time, its timestamp formatted once: the volume fills in seconds.
        for second in range(250_000):
            stamp = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(t + second))
            out.write("".join("%s DEBUG %s[412]: poll device=plc-%02d tag=line%d/temp raw=0x%04x queue=%d\n"
                              % (stamp, sys.argv[2], n % 12, 1 + n % 3, n % 65536, n % 300)
                              for n in range(second * 40, second * 40 + 40)))
except OSError:
    pass  # the disk is full
PY
if curl -fs -o /dev/null "http://127.0.0.1:$ASSAY_P_PORT/healthz"; then echo "the disk did not fill" >&2; exit 1; fi
