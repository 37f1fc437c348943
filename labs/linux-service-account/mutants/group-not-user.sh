#!/bin/sh
# Near miss (after the reference solution): root's cron line switches only the group to flowbackup; the job runs
# as nobody, not as flowbackup.
set -eu
crontab -r -u flowbackup 2>/dev/null || true
sed -i '/backup-flows/d' /etc/crontab
printf 'PATH=/usr/local/bin:/usr/bin:/bin\n15 2 * * * root runuser -u nobody -g flowbackup -- /usr/local/bin/backup-flows\n' \
  > /etc/cron.d/flow-backup
chmod 0644 /etc/cron.d/flow-backup
