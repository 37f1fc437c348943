#!/bin/sh
# Correct alternative: useradd with /bin/false and a locked password, a backup directory of root's with the
# account's group (2770), the job in /etc/crontab through runuser from root's line, deploy's two rules on two
# lines without an alias, and gpasswd to leave the sudo group.
set -eu
useradd -r -M -d /nonexistent -s /bin/false -G nodered flowbackup
passwd -l flowbackup >/dev/null
chown root:flowbackup /var/backups/flows
chmod 2770 /var/backups/flows
chown flowbackup:flowbackup /var/backups/flows/*.tar.gz
chmod 0640 /var/backups/flows/*.tar.gz

rm /etc/cron.d/flow-backup
printf '%s\n' '# Nightly Node-RED flow backup (OPS-311): run as flowbackup' \
  '15 2 * * * root runuser -u flowbackup -- /usr/local/bin/backup-flows >/dev/null 2>&1' >> /etc/crontab
su -s /bin/sh -c 'umask 027; /usr/local/bin/backup-flows' flowbackup

printf '%s\n' 'deploy ALL=(root) NOPASSWD: /usr/sbin/service nodered restart' \
  'deploy ALL=(root) NOPASSWD: /usr/sbin/service nodered status' > /etc/sudoers.d/deploy
chmod 0440 /etc/sudoers.d/deploy
gpasswd -d deploy sudo >/dev/null
visudo -c >/dev/null
