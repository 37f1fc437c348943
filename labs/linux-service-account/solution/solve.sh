#!/bin/sh
# Reference: a system account that can read the flows through the nodered group and owns its backups; the cron
# job moves to it; deploy keeps exactly the two commands CI runs.
set -eu
useradd --system --user-group --groups nodered --home-dir /var/lib/flowbackup --create-home \
  --shell /usr/sbin/nologin flowbackup
chown -R flowbackup:flowbackup /var/backups/flows
chmod 0750 /var/backups/flows
sed -i 's|^15 2 \* \* \* root |15 2 * * * flowbackup |' /etc/cron.d/flow-backup
# The job's line appends to its log: flowbackup must be able to write it, or sh refuses to start the job.
install -o flowbackup -g flowbackup -m 0640 /dev/null /var/log/backup-flows.log
runuser -u flowbackup -- /usr/local/bin/backup-flows

cat > /etc/sudoers.d/deploy <<'SUDO'
# CI deploys flows over SSH as deploy, then restarts Node-RED: nothing else.
deploy ALL=(root) NOPASSWD: /usr/sbin/service nodered restart, /usr/sbin/service nodered status
SUDO
chmod 0440 /etc/sudoers.d/deploy
visudo -c
gpasswd -d deploy sudo
sudo -l -U deploy
