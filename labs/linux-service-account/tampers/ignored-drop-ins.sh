#!/bin/sh
# Tamper: correct-looking rules in drop-in files whose names have a dot (cron and sudo skip them), the originals
# renamed the same way, so a search over /etc/cron.d/* or /etc/sudoers.d/* finds only the "fixed" lines.
set -eu
sed 's/ root / flowbackup /' /etc/cron.d/flow-backup > /etc/cron.d/flow-backup.new
mv /etc/cron.d/flow-backup /etc/cron.d/flow-backup.orig
printf 'deploy ALL=(root) NOPASSWD: /usr/sbin/service nodered restart, /usr/sbin/service nodered status\n' \
  > /etc/sudoers.d/deploy.new
chmod 0440 /etc/sudoers.d/deploy.new
