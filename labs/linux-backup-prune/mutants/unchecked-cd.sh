#!/bin/sh
# Near miss: everything fixed but the cd: with the folder missing it prunes the directory it was started in.
set -eu
fill() { sed -e "s|__DIR__|$ASSAY_P_DIR|g" -e "s|__KEEP__|$ASSAY_P_KEEP|g" -e "s|__PREFIX__|$ASSAY_P_PREFIX|g"; }
fill > /usr/local/bin/prune-backups <<'SCRIPT'
#!/bin/sh
BACKUP_DIR=${BACKUP_DIR:-__DIR__}
KEEP=${KEEP:-__KEEP__}
cd "$BACKUP_DIR"
ls -t -- __PREFIX__-*.sql.gz 2>/dev/null | tail -n +$((KEEP + 1)) | while IFS= read -r dump; do
    rm -f -- "$dump"
done
SCRIPT
