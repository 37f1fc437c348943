#!/bin/sh
# Tamper: a script that reads the grader's expected copy of the folder (any want* directory under /tmp) and deletes
# every shop dump that copy does not hold, instead of deciding by age itself.
set -eu
fill() { sed -e "s|__DIR__|$ASSAY_P_DIR|g" -e "s|__KEEP__|$ASSAY_P_KEEP|g" -e "s|__PREFIX__|$ASSAY_P_PREFIX|g"; }
fill > /usr/local/bin/prune-backups <<'SCRIPT'
#!/bin/sh
cd ${BACKUP_DIR:-__DIR__}
for want in /tmp/want* /tmp/*/want* /tmp/*/*/want*; do
    [ -d "$want" ] || continue
    for f in __PREFIX__-*.sql.gz; do
        [ -e "$want/$f" ] || rm -f -- "$f"
    done
done
SCRIPT
