#!/bin/sh
# Plants the nightly backup cleanup as it was found: the script (with its four bugs), its cron entry, the
# shared backup folder (the shop's dumps, the billing job's dumps, a dump still being written, the monthly
# archive, a hand-made dump with spaces in its name) and the log of the last nights.
set -eu
cat > /usr/local/bin/prune-backups <<'SCRIPT'
#!/bin/sh
# prune-backups: keep the newest $KEEP shop database dumps in $BACKUP_DIR and delete the older ones.
# Run every night by cron (/etc/cron.d/prune-backups). Both settings can be overridden from the environment.
BACKUP_DIR=${BACKUP_DIR:-/var/backups/db}
KEEP=${KEEP:-7}

cd $BACKUP_DIR
for dump in $(ls -t | grep sql.gz | tail -n +$KEEP); do
    rm -f $dump
done
echo "$(date '+%F %T') pruned $BACKUP_DIR, kept the newest $KEEP"
SCRIPT
chmod 0755 /usr/local/bin/prune-backups
printf '# Keep a week of shop dumps (the dump itself runs at 02:15).\nSHELL=/bin/sh\nPATH=/usr/bin:/bin\n30 3 * * * root /usr/local/bin/prune-backups >> /var/log/prune-backups.log 2>&1\n' \
  > /etc/cron.d/prune-backups
now=$(date +%s)
dump() { # dump NAME AGE_DAYS
  head -c 2048 /dev/urandom > "/var/backups/db/$1"
  touch -d "@$((now - $2 * 86400))" "/var/backups/db/$1"
}
day() { date -d "@$((now - $1 * 86400))" +%F; }
mkdir -p /var/backups/db/monthly
for age in 12 11 10 9 8 7 6 5 4 3 2 1; do
  dump "shop-$(day $age).sql.gz" $age
  dump "billing-$(day $age).sql.gz" $age
done
dump "shop-$(day 3) before migration.sql.gz" 3
dump "shop-$(day 0).sql.gz.partial" 0
for m in 2026-09-01 2026-10-01 2026-11-01; do
  head -c 2048 /dev/urandom > "/var/backups/db/monthly/shop-$m.sql.gz"
  touch -d "$m 02:15" "/var/backups/db/monthly/shop-$m.sql.gz"
done
printf 'Shared backup folder: shop-*.sql.gz (7 kept by prune-backups), billing-*.sql.gz (the billing team keeps 30),\nmonthly/ (kept forever). A dump is written as *.partial and renamed when complete.\n' \
  > /var/backups/db/README
{
  printf '%s pruned /var/backups/db, kept the newest 7\n' "$(day 3) 03:30:01"
  printf '%s pruned /var/backups/db, kept the newest 7\n' "$(day 2) 03:30:01"
  printf '/usr/local/bin/prune-backups: 7: cd: can'"'"'t cd to /var/backups/db\n'
  printf '%s pruned /var/backups/db, kept the newest 7\n' "$(day 1) 03:30:02"
} > /var/log/prune-backups.log
