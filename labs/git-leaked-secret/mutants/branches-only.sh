#!/bin/sh
# Near miss: rewrites and pushes main, but the release tag still holds the key.
set -eu
cd "/root/$ASSAY_P_APP"
git fetch -q --tags origin
git branch -f main origin/main >/dev/null 2>&1 || true
export FILTER_BRANCH_SQUELCH_WARNING=1
git filter-branch -f --index-filter "git rm -q --cached --ignore-unmatch $ASSAY_P_FILE" \
  -- main >/dev/null
git for-each-ref --format='%(refname)' refs/original/ | xargs -r -n1 git update-ref -d
git reflog expire --expire=now --all
git gc -q --prune=now
git push -q --force origin main
cat > INCIDENT.md <<MD
# Leaked AWS key in $ASSAY_P_FILE

- The key AKIAZ7EXAMPLEPROD01 was committed and pushed: treat it as compromised. Deactivate and rotate it in IAM
  now, issue a new one through the secrets manager, and check CloudTrail for its use since the commit.
- History on origin was rewritten (main and $ASSAY_P_TAG) without the file; everyone must re-clone or reset.
MD
git add INCIDENT.md
git commit -qm "Record the leaked-key incident"
git push -q origin main
