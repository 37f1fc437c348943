#!/bin/sh
# A correct alternative: mitigate first by rolling the release back to 2.8.4 (it starts without a broker), then
# fix the broker URL with an editor-style change (sed) and commit it, and restart; the host stays on 2.8.4 until
# a corrected deploy. The RCA is shorter and written differently.
set -eu
ls -l /opt/flowfuse/current /opt/flowfuse/releases
ln -sfn releases/2.8.4 /opt/flowfuse/current
/etc/init.d/flowfuse-forge stop
/etc/init.d/flowfuse-forge start
until curl -fs -o /dev/null http://127.0.0.1/; do sleep 0.2; done
# Service is back (degraded: no broker). Now the real fault.
sed -i 's|^FORGE_BROKER_URL=.*|FORGE_BROKER_URL="mqtt://localhost:1883"|' /etc/flowfuse/forge.env
git -C /etc/flowfuse -c user.name=oncall -c user.email=oncall@flowfuse.example \
  commit -q -am "forge.env: local broker again (the 2.9.0 template carried production's)"
/etc/init.d/flowfuse-forge restart
until curl -fs http://127.0.0.1/api/v1/health | grep -q '"broker":"connected"'; do sleep 0.2; done

cat > /root/rca.md <<'MD'
Post-incident review: forge crash loop
======================================

### Timeline
09:12 deploy 2.9.0 via pipeline 4812. 09:12 forge exits on every start. 09:13 uptime check red, page at 09:14.
09:26 on call online. 09:29 rolled back to 2.8.4, dashboard up but broker disconnected.
09:33 corrected FORGE_BROKER_URL in forge.env, restarted, broker connected.

### Root cause
forge.env came from the release template and pointed the forge at the production MQTT broker, which this
host cannot reach; forge 2.9.0 exits when its broker is unreachable at start-up, so it crash-looped behind nginx.

### Remediation
Rollback of the release symlink to 2.8.4 restored the dashboard; the config now points at the local broker
again and is committed; 2.9.0 can be redeployed once the pipeline keeps the host's broker setting.

### Prevention
Keep per-host settings out of the release template, validate forge.env in the pipeline (a dry run that connects
to the configured broker), require a passing health check before the deploy finishes, and page on crash loops.
MD
