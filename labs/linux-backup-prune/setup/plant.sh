#!/bin/sh
# Plants the nightly backup cleanup as it was found: the script (with its four bugs), its cron entry, the
# shared backup folder (the team's dumps, the billing job's dumps, a dump still being written, the monthly
# archive, a hand-made dump with spaces in its name) and the log of the last nights. The folder, the number of
# dumps kept and the dumps' name are drawn per session: $ASSAY_P_DIR, $ASSAY_P_KEEP, $ASSAY_P_PREFIX (lab.yaml).
set -eu
d=$ASSAY_P_DIR
k=$ASSAY_P_KEEP
p=$ASSAY_P_PREFIX
fill() { sed -e "s|__DIR__|$d|g" -e "s|__KEEP__|$k|g" -e "s|__PREFIX__|$p|g"; }
fill > /usr/local/bin/prune-backups <<'SCRIPT'
#!/bin/sh
# prune-backups: keep the newest $KEEP __PREFIX__ database dumps in $BACKUP_DIR and delete the older ones.
# Run every night by cron (/etc/cron.d/prune-backups). Both settings can be overridden from the environment.
BACKUP_DIR=${BACKUP_DIR:-__DIR__}
KEEP=${KEEP:-__KEEP__}

cd $BACKUP_DIR
for dump in $(ls -t | grep sql.gz | tail -n +$KEEP); do
    rm -f $dump
done
echo "$(date '+%F %T') pruned $BACKUP_DIR, kept the newest $KEEP"
SCRIPT
chmod 0755 /usr/local/bin/prune-backups
printf '# Keep the newest %s %s dumps (the dump itself runs at 02:15).\nSHELL=/bin/sh\nPATH=/usr/bin:/bin\n30 3 * * * root /usr/local/bin/prune-backups >> /var/log/prune-backups.log 2>&1\n' \
  "$k" "$p" > /etc/cron.d/prune-backups
now=$(date +%s)
dump() { # dump NAME AGE_DAYS
  head -c 2048 /dev/urandom > "$d/$1"
  touch -d "@$((now - $2 * 86400))" "$d/$1"
}
day() { date -d "@$((now - $1 * 86400))" +%F; }
mkdir -p "$d/monthly"
for age in $(seq $((k + 5)) -1 1); do
  dump "$p-$(day $age).sql.gz" $age
  dump "billing-$(day $age).sql.gz" $age
done
dump "$p-$(day 3) before migration.sql.gz" 3
dump "$p-$(day 0).sql.gz.partial" 0
for m in 2026-09-01 2026-10-01 2026-11-01; do
  head -c 2048 /dev/urandom > "$d/monthly/$p-$m.sql.gz"
  touch -d "$m 02:15" "$d/monthly/$p-$m.sql.gz"
done
printf 'Shared backup folder: %s-*.sql.gz (%s kept by prune-backups), billing-*.sql.gz (the billing team keeps 30),\nmonthly/ (kept forever). A dump is written as *.partial and renamed when complete.\n' \
  "$p" "$k" > "$d/README"
{
  printf '%s pruned %s, kept the newest %s\n' "$(day 3) 03:30:01" "$d" "$k"
  printf '%s pruned %s, kept the newest %s\n' "$(day 2) 03:30:01" "$d" "$k"
  printf '/usr/local/bin/prune-backups: 7: cd: can'"'"'t cd to %s\n' "$d"
  printf '%s pruned %s, kept the newest %s\n' "$(day 1) 03:30:02" "$d" "$k"
} > /var/log/prune-backups.log
