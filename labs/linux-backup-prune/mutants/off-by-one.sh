#!/bin/sh
# Near miss: the cd, the names and the pattern fixed, but still tail -n +$KEEP: one dump too few is kept.
set -eu
fill() { sed -e "s|__DIR__|$ASSAY_P_DIR|g" -e "s|__KEEP__|$ASSAY_P_KEEP|g" -e "s|__PREFIX__|$ASSAY_P_PREFIX|g"; }
fill > /usr/local/bin/prune-backups <<'SCRIPT'
#!/bin/sh
BACKUP_DIR=${BACKUP_DIR:-__DIR__}
KEEP=${KEEP:-__KEEP__}
cd "$BACKUP_DIR" || { echo "prune-backups: cannot enter $BACKUP_DIR" >&2; exit 1; }
ls -t -- __PREFIX__-*.sql.gz 2>/dev/null | tail -n +$KEEP | while IFS= read -r dump; do
    rm -f -- "$dump"
done
SCRIPT
