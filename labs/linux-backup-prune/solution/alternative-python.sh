#!/bin/sh
# A correct alternative: the script rewritten in Python (os.scandir, sorted by st_mtime); an unreadable or missing
# folder ends it through sys.exit with a message. Written over the file, so it keeps its mode.
set -eu
fill() { sed -e "s|__DIR__|$ASSAY_P_DIR|g" -e "s|__KEEP__|$ASSAY_P_KEEP|g" -e "s|__PREFIX__|$ASSAY_P_PREFIX|g"; }
fill > /usr/local/bin/prune-backups <<'SCRIPT'
#!/usr/bin/python3
"""Keep the newest $KEEP __PREFIX__ dumps in $BACKUP_DIR (defaults __DIR__, __KEEP__); delete the older ones."""
import os
import sys

folder = os.environ.get("BACKUP_DIR") or "__DIR__"
keep = int(os.environ.get("KEEP") or __KEEP__)
try:
    dumps = [e for e in os.scandir(folder)
             if e.is_file(follow_symlinks=False) and e.name.startswith("__PREFIX__-") and e.name.endswith(".sql.gz")]
except OSError as error:
    sys.exit(f"prune-backups: {folder}: {error.strerror}; nothing deleted")
dumps.sort(key=lambda e: e.stat(follow_symlinks=False).st_mtime, reverse=True)
for old in dumps[keep:]:
    os.remove(old.path)
print(f"pruned {folder}: kept {min(keep, len(dumps))}, deleted {max(0, len(dumps) - keep)}")
SCRIPT
