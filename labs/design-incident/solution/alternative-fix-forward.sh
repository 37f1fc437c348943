#!/bin/sh
# A correct alternative in other forms: stays on 2.9.0 (fix forward), rewrites the broker line with awk in another
# valid shell form (export, single quotes, no port: the forge's default 1883), keeps the file's owner and mode by
# writing through it, commits, re-points `current` with an absolute link, and restarts through the init script.
set -eu
tail -n 5 /var/log/flowfuse/forge.log
git -C /etc/flowfuse log -p -1 -- forge.env | cat
env=/etc/flowfuse/forge.env
awk '/^FORGE_BROKER_URL=/ { print "export FORGE_BROKER_URL='\''mqtt://127.0.0.1'\''   # this host'\''s broker, not the template'\''s"; next } { print }' \
  "$env" > /tmp/forge.env.new
cat /tmp/forge.env.new > "$env"
rm /tmp/forge.env.new
cd /etc/flowfuse
git -c user.name="On-call" -c user.email=oncall@flowfuse.example commit -q -m "forge.env: restore the local broker after pipeline #4812" forge.env
ln -sfn /opt/flowfuse/releases/2.9.0 /opt/flowfuse/current
/etc/init.d/flowfuse-forge restart
n=0
while ! curl -fs http://127.0.0.1/api/v1/health | grep -q '"broker":"connected"'; do
  n=$((n + 1)); [ "$n" -le 100 ] || { echo "still not connected" >&2; exit 1; }; sleep 0.2
done
mosquitto_sub -h localhost -t flowfuse/platform/forge/status -C 1 -W 3

cat > /root/rca.md <<'MD'
FlowFuse plant-7 outage
=======================

Timeline
--------
1. Deploy #4812 (forge 2.9.0) replaced forge.env with the template; the forge exits at every start from then on.
2. A minute later the uptime check saw 502 and paged after three failures.
3. I traced 502 -> forge not listening -> FATAL in forge.log -> the deploy's commit in /etc/flowfuse.
4. Set the broker back, restarted the service, and verified health and the retained status.

Root cause
----------
The pipeline copies the release template's forge.env onto hosts, and the template's FORGE_BROKER_URL is
production's TLS broker. On this edge host that name does not resolve. 2.9.0 made the broker mandatory at start,
so the wrong setting turned into a crash loop instead of a degraded forge.

Remediation
-----------
forge.env points at the local mosquitto again (committed), service restarted via its init script, stayed on 2.9.0.
Checked: dashboard 200 through nginx, health reports the broker connected, status topic says online.

Prevention
----------
Template only release-level keys and merge host keys from inventory; block the deploy on a smoke test against
/api/v1/health with automatic rollback; alert on supervisor restarts; canary one edge host per rollout.
MD
