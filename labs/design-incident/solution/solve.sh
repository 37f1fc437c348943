#!/bin/sh
# The reference: confirm the symptom, follow it from nginx to the crash-looping forge to its FATAL line, find the
# config change the deploy committed, revert it in git (the pipeline's source of truth on this host), restart the
# service, verify from the outside and on the broker, then write the RCA.
set -eu
curl -s -o /dev/null -w 'dashboard: %{http_code}\n' http://127.0.0.1/ || true
tail -n 2 /var/log/nginx/error.log
grep -E 'FATAL|supervisor' /var/log/flowfuse/forge.log | tail -n 3
cd /etc/flowfuse
git log --oneline
git show --stat HEAD
git revert --no-edit HEAD
grep '^FORGE_BROKER_URL=' forge.env
service flowfuse-forge restart
i=0
until curl -fs http://127.0.0.1/api/v1/health | grep -q '"broker":"connected"'; do
  i=$((i + 1)); [ "$i" -lt 50 ] || { echo "forge did not recover" >&2; exit 1; }; sleep 0.2
done
curl -s http://127.0.0.1/api/v1/health; echo
mosquitto_sub -h 127.0.0.1 -t flowfuse/platform/forge/status -C 1 -W 3

cat > /root/rca.md <<'MD'
# Incident: FlowFuse platform on euw1-edge-platform-03 down after the forge 2.9.0 deploy

## Timeline (UTC)

- T-14 min: pipeline #4812 deploys forge 2.9.0 and commits forge.env from the release template.
- T-14 min: forge restarts on 2.9.0, exits with FATAL at once; forge-supervisor restarts it every 3 s.
- T-13 min: the uptime check sees 502 from nginx on /api/v1/health; on-call is paged three checks later.
- T+0: I start: dashboard 502, nginx error log says connection refused to 127.0.0.1:3000.
- T+3 min: forge.log shows the crash loop: cannot reach broker.flowfuse.internal:8883.
- T+5 min: git log in /etc/flowfuse shows the deploy replaced FORGE_BROKER_URL; reverted, service restarted.
- T+6 min: dashboard 200, health reports the broker connected, the retained status on the broker is online.

## Root cause

The deploy wrote the release template's forge.env, which carries the production broker
(FORGE_BROKER_URL=mqtts://broker.flowfuse.internal:8883), over this host's own setting
(mqtt://127.0.0.1:1883, the local mosquitto). That host does not resolve from this platform. Until 2.8.4 the
forge started anyway and retried the broker in the background; 2.9.0 refuses to start without its broker, so it
exited at every start and nginx had no upstream. The pipeline skipped its smoke test, so nothing stopped it.

## Remediation

Reverted the deploy's config commit in /etc/flowfuse (git revert), which restored the local broker URL, and
restarted flowfuse-forge through its init script so the supervisor read the file again. Verified through nginx
(dashboard 200, /api/v1/health broker connected) and on the broker (flowfuse/platform/forge/status is online).
The host stays on 2.9.0.

## Prevention

- The pipeline must merge host settings over the release template instead of replacing them; the broker URL
  belongs to the host's inventory, not to the release.
- Turn the deploy's smoke test back on (FORGE_SMOKE_TEST) and roll back automatically when /api/v1/health
  fails after a restart.
- Alert on the supervisor's restart rate (crash loops), not only on the uptime check.
- Release notes that change start-up behaviour (2.9.0: broker required) get a check of every host's broker URL
  before rollout; roll out to one edge platform first.
MD
