#!/bin/sh
# Plants an edge gateway whose data volume (/var/tmp, the lab's disk) is full: telemetryd, a small forwarder
# running as the telemetry user, logged so much that someone deleted its log while it still held it open. The
# space is still taken (by the deleted file), du cannot see it, and /healthz fails because the spool cannot be
# written. 300 pending batches in the spool must survive.
set -eu
DATA=/var/tmp/telemetry
LOG=$DATA/log/telemetryd.log

useradd --system --uid 990 --user-group --home-dir "$DATA" --no-create-home --shell /usr/sbin/nologin telemetry
mkdir -p "$DATA/spool" "$DATA/log"

cat > /usr/local/bin/telemetryd <<'PY'
#!/usr/bin/python3
"""telemetryd: forwards Node-RED telemetry batches from the spool to the cloud (uploads are off in this lab).

Serves GET /healthz on 127.0.0.1:8090: 200 "ok" when the spool is writable, else 507. Logs to
/var/tmp/telemetry/log/telemetryd.log; SIGHUP reopens the log file (for log rotation).
"""
import http.server, os, signal, threading, time

DATA = "/var/tmp/telemetry"
LOG_PATH = DATA + "/log/telemetryd.log"
log_lock = threading.Lock()
log_file = open(LOG_PATH, "a", buffering=1)


def log(level, message):
    line = "%s %s telemetryd[%d]: %s\n" % (time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()), level, os.getpid(), message)
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
http.server.ThreadingHTTPServer(("127.0.0.1", 8090), Handler).serve_forever()
PY
chmod 0755 /usr/local/bin/telemetryd

cat > /etc/init.d/telemetryd <<'SH2'
#!/bin/sh
### BEGIN INIT INFO
# Provides:          telemetryd
# Required-Start:    $local_fs
# Required-Stop:     $local_fs
# Default-Start:     2 3 4 5
# Default-Stop:      0 1 6
# Short-Description: Node-RED telemetry forwarder
### END INIT INFO
PIDFILE=/run/telemetryd.pid
case "$1" in
  start)
    start-stop-daemon --start --quiet --background --make-pidfile --pidfile "$PIDFILE" \
      --chuid telemetry:telemetry --startas /usr/local/bin/telemetryd ;;
  stop)
    start-stop-daemon --stop --quiet --retry 5 --remove-pidfile --pidfile "$PIDFILE" ;;
  restart)
    "$0" stop; "$0" start ;;
  reload)
    start-stop-daemon --stop --signal HUP --quiet --pidfile "$PIDFILE" ;;
  status)
    if start-stop-daemon --status --pidfile "$PIDFILE"; then echo "telemetryd is running"; else echo "telemetryd is not running"; exit 3; fi ;;
  *)
    echo "usage: $0 {start|stop|restart|reload|status}" >&2; exit 2 ;;
esac
SH2
chmod 0755 /etc/init.d/telemetryd

# 300 batches waiting for upload (about 1.8 MiB): the customer's data.
python3 - <<'PY'
import json, random
random.seed(7)
for i in range(300):
    rows = [{"device": "plc-%02d" % (j % 12), "tag": "line1/temp", "t": 1763600000 + i * 60 + j, "v": round(random.uniform(18, 74), 2)}
            for j in range(90)]
    with open("/var/tmp/telemetry/spool/batch-2026-11-2%d-%04d.json" % (i // 100, i), "w") as f:
        json.dump({"site": "plant-7", "batch": i, "rows": rows}, f)
PY
chown -R telemetry:telemetry "$DATA"
chmod 0755 "$DATA" "$DATA/spool"
chmod 0750 "$DATA/log"
: > "$LOG" && chown telemetry:telemetry "$LOG" && chmod 0640 "$LOG"

/etc/init.d/telemetryd start
tries=0
until curl -fs -o /dev/null http://127.0.0.1:8090/healthz; do
  tries=$((tries + 1)); [ "$tries" -lt 100 ] || { echo "telemetryd did not answer" >&2; exit 1; }; sleep 0.05
done

# The night's chatty log, then the on-call "fix": rm of a file the process still has open.
pid=$(cat /run/telemetryd.pid)
fd=""
for f in /proc/"$pid"/fd/*; do [ "$(readlink "$f")" = "$LOG" ] && fd=$f; done
[ -n "$fd" ] || { echo "telemetryd has no log open" >&2; exit 1; }
rm -f "$LOG" "$DATA/spool/.heartbeat"
python3 - "$fd" <<'PY'
import sys, time
t = 1764118800
try:
    with open(sys.argv[1], "a") as out:
        # A second of log (40 lines) at a time, its timestamp formatted once: the volume fills in seconds.
        for second in range(250_000):
            stamp = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(t + second))
            out.write("".join("%s DEBUG telemetryd[412]: poll device=plc-%02d tag=line%d/temp raw=0x%04x queue=%d\n"
                              % (stamp, n % 12, 1 + n % 3, n % 65536, n % 300)
                              for n in range(second * 40, second * 40 + 40)))
except OSError:
    pass  # the disk is full
PY
if curl -fs -o /dev/null http://127.0.0.1:8090/healthz; then echo "the disk did not fill" >&2; exit 1; fi
