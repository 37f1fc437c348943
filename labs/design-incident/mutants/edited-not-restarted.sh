#!/bin/sh
# Near miss: finds the cause and fixes forge.env (committed, as the pipeline wants), but never restarts the
# service. forge-supervisor read forge.env once, when it started, so every forge it starts still gets the
# production broker: the crash loop goes on and nothing is restored.
set -eu
sed -i 's|^FORGE_BROKER_URL=.*|FORGE_BROKER_URL=mqtt://127.0.0.1:1883|' /etc/flowfuse/forge.env
git -C /etc/flowfuse -c user.name=oncall -c user.email=oncall@flowfuse.example commit -q -am "forge.env: local broker"
sleep 5
cat > /root/rca.md <<'MD'
# RCA

## Timeline
- The deploy of forge 2.9.0 wrote the release template's forge.env fourteen minutes before the page.

## Root cause
The template's FORGE_BROKER_URL points at production's broker, which this host cannot reach; 2.9.0 will not
start without its broker.

## Remediation
Set FORGE_BROKER_URL back to the local broker in forge.env and committed it; the supervisor restarts the forge.

## Prevention
Keep host settings out of the release template.
MD
