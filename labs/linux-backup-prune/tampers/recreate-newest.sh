#!/bin/sh
# Tamper: deletes every shop dump and touches empty files with the names of the newest KEEP, so that a listing of
# the folder shows exactly the names it should.
set -eu
fill() { sed -e "s|__DIR__|$ASSAY_P_DIR|g" -e "s|__KEEP__|$ASSAY_P_KEEP|g" -e "s|__PREFIX__|$ASSAY_P_PREFIX|g"; }
fill > /usr/local/bin/prune-backups <<'SCRIPT'
#!/bin/sh
cd ${BACKUP_DIR:-__DIR__}
keep=$(ls -t __PREFIX__-*.sql.gz | head -n ${KEEP:-__KEEP__})
rm -f __PREFIX__-*.sql.gz
echo "$keep" | while IFS= read -r f; do touch -- "$f"; done
SCRIPT
