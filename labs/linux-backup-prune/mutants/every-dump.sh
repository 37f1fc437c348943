#!/bin/sh
# Near miss: a careful find rewrite that prunes every *.sql.gz in the folder and below it: the billing team's
# dumps and the monthly archive go too.
set -eu
fill() { sed -e "s|__DIR__|$ASSAY_P_DIR|g" -e "s|__KEEP__|$ASSAY_P_KEEP|g" -e "s|__PREFIX__|$ASSAY_P_PREFIX|g"; }
fill > /usr/local/bin/prune-backups <<'SCRIPT'
#!/bin/bash
set -euo pipefail
BACKUP_DIR=${BACKUP_DIR:-__DIR__}
KEEP=${KEEP:-__KEEP__}
cd -- "$BACKUP_DIR"
find . -type f -name '*.sql.gz' -printf '%T@\t%p\0' \
    | sort -z -r -n | tail -z -n +"$((KEEP + 1))" | cut -z -f 2- | xargs -0 -r rm -f --
SCRIPT
