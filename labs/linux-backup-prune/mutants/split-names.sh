#!/bin/sh
# Near miss: the count, the pattern and the cd fixed, but the loop still runs over $(ls -t ...), which splits
# "shop-... before migration.sql.gz" into three words, none of them a file.
set -eu
fill() { sed -e "s|__DIR__|$ASSAY_P_DIR|g" -e "s|__KEEP__|$ASSAY_P_KEEP|g" -e "s|__PREFIX__|$ASSAY_P_PREFIX|g"; }
fill > /usr/local/bin/prune-backups <<'SCRIPT'
#!/bin/sh
BACKUP_DIR=${BACKUP_DIR:-__DIR__}
KEEP=${KEEP:-__KEEP__}
cd "$BACKUP_DIR" || { echo "prune-backups: cannot enter $BACKUP_DIR" >&2; exit 1; }
for dump in $(ls -t -- __PREFIX__-*.sql.gz 2>/dev/null | tail -n +$((KEEP + 1))); do
    rm -f -- "$dump"
done
SCRIPT
