#!/bin/sh
# A correct alternative: the script rewritten in Python (os.scandir, sorted by st_mtime); an unreadable or missing
# folder ends it through sys.exit with a message. Written over the file, so it keeps its mode.
set -eu
cat > /usr/local/bin/prune-backups <<'SCRIPT'
#!/usr/bin/python3
"""Keep the newest $KEEP shop dumps in $BACKUP_DIR (defaults /var/backups/db, 7); delete the older ones."""
import os
import sys

folder = os.environ.get("BACKUP_DIR") or "/var/backups/db"
keep = int(os.environ.get("KEEP") or 7)
try:
    dumps = [e for e in os.scandir(folder)
             if e.is_file(follow_symlinks=False) and e.name.startswith("shop-") and e.name.endswith(".sql.gz")]
except OSError as error:
    sys.exit(f"prune-backups: {folder}: {error.strerror}; nothing deleted")
dumps.sort(key=lambda e: e.stat(follow_symlinks=False).st_mtime, reverse=True)
for old in dumps[keep:]:
    os.remove(old.path)
print(f"pruned {folder}: kept {min(keep, len(dumps))}, deleted {max(0, len(dumps) - keep)}")
SCRIPT
