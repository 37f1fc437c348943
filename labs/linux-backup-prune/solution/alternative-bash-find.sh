#!/bin/sh
# A correct alternative: a bash rewrite with set -euo pipefail (a failing cd ends it), find -maxdepth 1 with the
# modification time, NUL-separated names through sort, tail, cut and xargs -0, installed with install -m 0755.
set -eu
cat > /tmp/prune-backups <<'SCRIPT'
#!/bin/bash
# Keep the newest $KEEP shop dumps (shop-*.sql.gz) directly in $BACKUP_DIR; delete older ones. Nothing else.
set -euo pipefail
BACKUP_DIR=${BACKUP_DIR:-/var/backups/db}
KEEP=${KEEP:-7}
if [[ ! -d $BACKUP_DIR ]]; then
    echo "prune-backups: $BACKUP_DIR is not there (volume not mounted?)" >&2
    exit 2
fi
cd -- "$BACKUP_DIR"
find . -maxdepth 1 -type f -name 'shop-*.sql.gz' -printf '%T@\t%p\0' \
    | sort -z -r -n | tail -z -n +"$((KEEP + 1))" | cut -z -f 2- | xargs -0 -r rm -f --
SCRIPT
install -m 0755 /tmp/prune-backups /usr/local/bin/prune-backups
rm /tmp/prune-backups
