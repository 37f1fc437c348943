#!/bin/sh
# Near miss (after the reference solution): the job written into flowbackup's crontab file by hand, mode 0644;
# Debian's cron refuses a crontab that is not mode 0600 ("INSECURE MODE"), so the backup never runs.
set -eu
rm -f /etc/cron.d/flow-backup
sed -i '/backup-flows/d' /etc/crontab
printf '15 2 * * * /usr/local/bin/backup-flows\n' > /var/spool/cron/crontabs/flowbackup
chown flowbackup:crontab /var/spool/cron/crontabs/flowbackup
chmod 0644 /var/spool/cron/crontabs/flowbackup
