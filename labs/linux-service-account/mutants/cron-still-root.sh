#!/bin/sh
# Near miss (after the reference solution): the cron line still names root.
set -eu
sed -i 's| flowbackup /usr/local/bin/backup-flows| root /usr/local/bin/backup-flows|' /etc/cron.d/flow-backup
