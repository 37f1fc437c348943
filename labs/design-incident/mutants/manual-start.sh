#!/bin/sh
# Near miss: stops the service and starts the forge by hand with the right broker on the command line. It works
# right now, but forge.env still holds the wrong broker, nothing restarts the forge if it dies, and it runs as
# root outside its supervisor.
set -eu
service flowfuse-forge stop
set -a
# shellcheck disable=SC1091
. /etc/flowfuse/forge.env
set +a
FORGE_BROKER_URL=mqtt://127.0.0.1:1883 setsid node /opt/flowfuse/current/server.js </dev/null >>/var/log/flowfuse/forge.log 2>&1 &
until curl -fs http://127.0.0.1/api/v1/health | grep -q '"broker":"connected"'; do sleep 0.2; done
cat > /root/rca.md <<'MD'
# RCA

## Timeline
- The deploy of forge 2.9.0 happened about fourteen minutes before the page.
- I found the forge crash-looping and started it by hand with the local broker.

## Root cause
The deploy's forge.env template set FORGE_BROKER_URL to the production MQTT broker, unreachable from here, and
2.9.0 will not start without a broker.

## Remediation
The forge runs again with FORGE_BROKER_URL=mqtt://127.0.0.1:1883 given on its command line.

## Prevention
Keep host settings out of the release template and smoke test every deploy before it is marked done.
MD
