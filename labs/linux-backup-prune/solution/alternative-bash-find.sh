#!/bin/sh
# A correct alternative: a bash rewrite with set -euo pipefail (a failing cd ends it), find -maxdepth 1 with the
# modification time, NUL-separated names through sort, tail, cut and xargs -0, installed with install -m 0755.
set -eu
fill() { sed -e "s|__DIR__|$ASSAY_P_DIR|g" -e "s|__KEEP__|$ASSAY_P_KEEP|g" -e "s|__PREFIX__|$ASSAY_P_PREFIX|g"; }
fill > /tmp/prune-backups <<'SCRIPT'
#!/bin/bash
# Keep the newest $KEEP __PREFIX__ dumps (__PREFIX__-*.sql.gz) directly in $BACKUP_DIR; delete older ones. Nothing else.
set -euo pipefail
BACKUP_DIR=${BACKUP_DIR:-__DIR__}
KEEP=${KEEP:-__KEEP__}
if [[ ! -d $BACKUP_DIR ]]; then
    echo "prune-backups: $BACKUP_DIR is not there (volume not mounted?)" >&2
    exit 2
fi
cd -- "$BACKUP_DIR"
find . -maxdepth 1 -type f -name '__PREFIX__-*.sql.gz' -printf '%T@\t%p\0' \
    | sort -z -r -n | tail -z -n +"$((KEEP + 1))" | cut -z -f 2- | xargs -0 -r rm -f --
SCRIPT
install -m 0755 /tmp/prune-backups /usr/local/bin/prune-backups
rm /tmp/prune-backups
