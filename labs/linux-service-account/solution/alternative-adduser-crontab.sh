#!/bin/sh
# Correct alternative: adduser --system, group access to the flows, the backups owned by the account (0700/0600),
# the job moved to the account's own crontab (crontab -u), deploy's rule written with a Cmnd_Alias and checked
# with visudo before it is installed, deploy taken out of the sudo group with deluser.
set -eu
adduser --system --group --no-create-home --home /nonexistent --shell /usr/sbin/nologin flowbackup >/dev/null
adduser flowbackup nodered >/dev/null
chown -R flowbackup:flowbackup /var/backups/flows
chmod 0700 /var/backups/flows
find /var/backups/flows -type f -exec chmod 0600 {} +

crontab -u flowbackup - <<'CRON'
# Nightly Node-RED flow backup (OPS-311), as flowbackup
PATH=/usr/local/bin:/usr/bin:/bin
15 2 * * * /usr/local/bin/backup-flows
CRON
rm -f /etc/cron.d/flow-backup
runuser -u flowbackup -- /usr/local/bin/backup-flows

tmp=$(mktemp)
cat > "$tmp" <<'SUDO'
# CI (deploy) restarts and checks Node-RED, nothing else.
Cmnd_Alias NODERED_CI = /usr/sbin/service nodered restart, /usr/sbin/service nodered status
deploy ALL = (root) NOPASSWD: NODERED_CI
SUDO
visudo -c -q -f "$tmp"
install -o root -g root -m 0440 "$tmp" /etc/sudoers.d/deploy
rm -f "$tmp"
deluser deploy sudo >/dev/null
visudo -c -q
sudo -l -U deploy
