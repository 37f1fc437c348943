#!/bin/sh
# Near miss: purges main, but deletes the release tag (locally and on origin) instead of rewriting it.
set -eu
cd "/root/$ASSAY_P_APP"
export FILTER_BRANCH_SQUELCH_WARNING=1
git tag -d "$ASSAY_P_TAG" >/dev/null
git push -q origin ":refs/tags/$ASSAY_P_TAG"
git filter-branch -f --index-filter "git rm -q --cached --ignore-unmatch $ASSAY_P_FILE" -- main >/dev/null
git update-ref -d refs/original/refs/heads/main
git push -q --force origin main
cat > INCIDENT.md <<'MD'
# Leaked AWS key

The production key was in the repository's history: revoke it in IAM, issue a new one, and check CloudTrail.
MD
git add INCIDENT.md
git commit -qm "Incident note"
git push -q origin main
