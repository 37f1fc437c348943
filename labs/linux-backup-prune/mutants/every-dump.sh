#!/bin/sh
# Near miss: a careful find rewrite that prunes every *.sql.gz in the folder and below it: the billing team's
# dumps and the monthly archive go too.
set -eu
cat > /usr/local/bin/prune-backups <<'SCRIPT'
#!/bin/bash
set -euo pipefail
BACKUP_DIR=${BACKUP_DIR:-/var/backups/db}
KEEP=${KEEP:-7}
cd -- "$BACKUP_DIR"
find . -type f -name '*.sql.gz' -printf '%T@\t%p\0' \
    | sort -z -r -n | tail -z -n +"$((KEEP + 1))" | cut -z -f 2- | xargs -0 -r rm -f --
SCRIPT
