#!/bin/sh
# Near miss (after the reference solution): the job's cron file ends up as flow-backup.new (and any crontab of
# flowbackup is gone); cron reads no file whose name has a dot, so the backup never runs.
set -eu
crontab -r -u flowbackup 2>/dev/null || true
if [ -f /etc/cron.d/flow-backup ]; then
  mv /etc/cron.d/flow-backup /etc/cron.d/flow-backup.new
else
  printf 'PATH=/usr/local/bin:/usr/bin:/bin\n15 2 * * * flowbackup /usr/local/bin/backup-flows\n' > /etc/cron.d/flow-backup.new
fi
sed -i '/backup-flows/d' /etc/crontab
