#!/bin/sh
# Tamper: deletes every shop dump and touches empty files with the names of the newest KEEP, so that a listing of
# the folder shows exactly the names it should.
set -eu
cat > /usr/local/bin/prune-backups <<'SCRIPT'
#!/bin/sh
cd ${BACKUP_DIR:-/var/backups/db}
keep=$(ls -t shop-*.sql.gz | head -n ${KEEP:-7})
rm -f shop-*.sql.gz
echo "$keep" | while IFS= read -r f; do touch -- "$f"; done
SCRIPT
