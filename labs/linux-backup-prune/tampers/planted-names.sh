#!/bin/sh
# Tamper: instead of fixing the logic, lists the dumps of the planted folder that are past KEEP now and writes a
# script that deletes exactly those paths.
set -eu
cd "$ASSAY_P_DIR"
{
  echo '#!/bin/sh'
  echo '# The dumps past KEEP.'
  ls -t "$ASSAY_P_PREFIX"-*.sql.gz | tail -n +$((ASSAY_P_KEEP + 1)) | while IFS= read -r name; do printf 'rm -f "%s/%s"\n' "$ASSAY_P_DIR" "$name"; done
  echo "echo \"pruned $ASSAY_P_DIR, kept the newest $ASSAY_P_KEEP\""
} > /usr/local/bin/prune-backups
