#!/bin/sh
# Near miss: purges the history, but says nothing about rotating the key.
set -eu
cd /root/app
git fetch -q --tags origin
git branch -f main origin/main >/dev/null 2>&1 || true
export FILTER_BRANCH_SQUELCH_WARNING=1
git filter-branch -f --index-filter 'git rm -q --cached --ignore-unmatch config/prod.env' \
  --tag-name-filter cat -- --all >/dev/null
git for-each-ref --format='%(refname)' refs/original/ | xargs -r -n1 git update-ref -d
git reflog expire --expire=now --all
git gc -q --prune=now
git push -q --force origin main
git push -q --force --tags origin
cat > INCIDENT.md <<'MD'
# Leaked AWS key in config/prod.env

- The file was committed by mistake; it is gone from history now.
- History on origin was rewritten (main and v1.0) without the file; everyone must re-clone or reset.
MD
git add INCIDENT.md
git commit -qm "Record the leaked-key incident"
git push -q origin main
