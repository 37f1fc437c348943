#!/bin/sh
# Near miss: the classic fast mitigation (roll back to 2.8.4) and nothing else. The dashboard is back, but the
# config still points at production's broker: the forge runs without its broker (devices get nothing), and the
# next deploy of 2.9.0 takes the platform down again.
set -eu
ln -sfn releases/2.8.4 /opt/flowfuse/current
service flowfuse-forge restart
until curl -fs -o /dev/null http://127.0.0.1/; do sleep 0.2; done
cat > /root/rca.md <<'MD'
# RCA

## Timeline
- 14 minutes before I joined: the pipeline deployed forge 2.9.0 and the forge started crash-looping.
- On joining: dashboard 502, forge.log full of FATAL lines about the broker, rolled back to 2.8.4 at once.

## Root cause
forge 2.9.0 refuses to start when it cannot reach its MQTT broker, and the deploy's forge.env config pointed
it at broker.flowfuse.internal, which this host cannot reach.

## Remediation
Rolled the release back to 2.8.4 (the current symlink) and restarted the service; the dashboard is back.

## Prevention
Smoke test in the pipeline with automatic rollback when the health check fails after the deploy restarts it.
MD
