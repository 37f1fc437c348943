#!/bin/sh
# Near miss: everything fixed but the cd: with the folder missing it prunes the directory it was started in.
set -eu
cat > /usr/local/bin/prune-backups <<'SCRIPT'
#!/bin/sh
BACKUP_DIR=${BACKUP_DIR:-/var/backups/db}
KEEP=${KEEP:-7}
cd "$BACKUP_DIR"
ls -t -- shop-*.sql.gz 2>/dev/null | tail -n +$((KEEP + 1)) | while IFS= read -r dump; do
    rm -f -- "$dump"
done
SCRIPT
