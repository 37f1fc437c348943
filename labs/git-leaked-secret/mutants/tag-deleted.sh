#!/bin/sh
# Near miss: purges main, but deletes the release tag (locally and on origin) instead of rewriting it.
set -eu
cd /root/app
export FILTER_BRANCH_SQUELCH_WARNING=1
git tag -d v1.0 >/dev/null
git push -q origin :refs/tags/v1.0
git filter-branch -f --index-filter 'git rm -q --cached --ignore-unmatch config/prod.env' -- main >/dev/null
git update-ref -d refs/original/refs/heads/main
git push -q --force origin main
cat > INCIDENT.md <<'MD'
# Leaked AWS key

The production key was in the repository's history: revoke it in IAM, issue a new one, and check CloudTrail.
MD
git add INCIDENT.md
git commit -qm "Incident note"
git push -q origin main
