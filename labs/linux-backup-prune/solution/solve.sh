#!/bin/sh
# The reference solution: the same POSIX sh script with its four bugs fixed: it stops when cd fails, picks only
# the shop dumps (shop-*.sql.gz) of the folder itself, reads the names line by line (spaces kept), and skips the
# newest KEEP with tail -n +$((KEEP + 1)). Written over the file, so it keeps its mode.
set -eu
fill() { sed -e "s|__DIR__|$ASSAY_P_DIR|g" -e "s|__KEEP__|$ASSAY_P_KEEP|g" -e "s|__PREFIX__|$ASSAY_P_PREFIX|g"; }
fill > /usr/local/bin/prune-backups <<'SCRIPT'
#!/bin/sh
# prune-backups: keep the newest $KEEP __PREFIX__ database dumps in $BACKUP_DIR and delete the older ones.
# Run every night by cron (/etc/cron.d/prune-backups). Both settings can be overridden from the environment.
BACKUP_DIR=${BACKUP_DIR:-__DIR__}
KEEP=${KEEP:-__KEEP__}

cd "$BACKUP_DIR" || { echo "prune-backups: cannot enter $BACKUP_DIR, nothing deleted" >&2; exit 1; }
ls -t -- __PREFIX__-*.sql.gz 2>/dev/null | tail -n +$((KEEP + 1)) | while IFS= read -r dump; do
    rm -f -- "$dump"
done
echo "$(date '+%F %T') pruned $BACKUP_DIR, kept the newest $KEEP"
SCRIPT
BACKUP_DIR=$ASSAY_P_DIR /usr/local/bin/prune-backups
