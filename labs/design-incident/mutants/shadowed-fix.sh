#!/bin/sh
# Near miss: rolls back to 2.8.4 (the dashboard returns) and "fixes" forge.env by adding the local broker at the
# top, above the template's line. sh reads the file top to bottom, so the later line wins: the supervisor still
# gives the forge production's broker, the forge runs without one, and a deploy of 2.9.0 would fail again. A
# pattern over the file finds the right line; the supervisor's own reading of it does not.
set -eu
sed -i '1a FORGE_BROKER_URL=mqtt://127.0.0.1:1883   # plant-7: the local broker' /etc/flowfuse/forge.env
ln -sfn releases/2.8.4 /opt/flowfuse/current
service flowfuse-forge restart
until curl -fs -o /dev/null http://127.0.0.1/; do sleep 0.2; done
cat > /root/rca.md <<'MD'
# RCA

## Timeline
- The deploy of 2.9.0 replaced the broker URL; rolled back to 2.8.4 and set the local broker.

## Root cause
The release template's FORGE_BROKER_URL (production's broker) replaced this host's.

## Remediation
Rolled back to 2.8.4; forge.env has the local broker.

## Prevention
Smoke test every deploy.
MD
