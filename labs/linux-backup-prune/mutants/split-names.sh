#!/bin/sh
# Near miss: the count, the pattern and the cd fixed, but the loop still runs over $(ls -t ...), which splits
# "shop-... before migration.sql.gz" into three words, none of them a file.
set -eu
cat > /usr/local/bin/prune-backups <<'SCRIPT'
#!/bin/sh
BACKUP_DIR=${BACKUP_DIR:-/var/backups/db}
KEEP=${KEEP:-7}
cd "$BACKUP_DIR" || { echo "prune-backups: cannot enter $BACKUP_DIR" >&2; exit 1; }
for dump in $(ls -t -- shop-*.sql.gz 2>/dev/null | tail -n +$((KEEP + 1))); do
    rm -f -- "$dump"
done
SCRIPT
