#!/bin/sh
# Correct alternative: restart telemetryd through its init script (the deleted file is closed with the old
# process), then rotate by size into an archive directory on the same volume, restarting the service afterwards.
set -eu
/etc/init.d/telemetryd restart
i=0
until curl -fs -o /dev/null http://127.0.0.1:8090/healthz; do
  i=$((i + 1)); [ "$i" -lt 50 ] || exit 1; sleep 0.2
done
cat > /etc/logrotate.d/telemetryd <<'CONF'
/var/tmp/telemetry/log/telemetryd.log
{
	size 8M
	rotate 3
	olddir /var/tmp/telemetry/log/archive
	createolddir 0750 telemetry telemetry
	compress
	missingok
	postrotate
		/etc/init.d/telemetryd restart >/dev/null 2>&1
	endscript
}
CONF
