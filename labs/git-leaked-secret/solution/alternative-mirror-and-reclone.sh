#!/bin/sh
# A correct alternative: the history is rewritten in a fresh mirror of origin and pushed back with --mirror,
# origin is garbage-collected, and the old clone is replaced by a new one before the note is committed there.
set -eu
export FILTER_BRANCH_SQUELCH_WARNING=1
rm -rf /tmp/purge.git
git clone -q --mirror "/srv/git/$ASSAY_P_APP.git" /tmp/purge.git
cd /tmp/purge.git
git filter-branch --index-filter "git rm -r -q --cached --ignore-unmatch $ASSAY_P_FILE" \
  --tag-name-filter cat -- --branches --tags >/dev/null
for backup in $(git for-each-ref --format='%(refname)' refs/original); do git update-ref -d "$backup"; done
git push -q --mirror
git -C "/srv/git/$ASSAY_P_APP.git" reflog expire --expire=now --all
git -C "/srv/git/$ASSAY_P_APP.git" gc -q --prune=now
rm -rf "/root/$ASSAY_P_APP"
git clone -q "/srv/git/$ASSAY_P_APP.git" "/root/$ASSAY_P_APP"
cd "/root/$ASSAY_P_APP"
printf '%s\n' "# The AWS key in $ASSAY_P_FILE" '' \
  '1. Deactivate the key in IAM now and invalidate every session made with it; issue a new key.' \
  '2. Search CloudTrail for its use since it was committed.' \
  '3. History is purged on origin; every clone must be deleted and cloned again.' > INCIDENT.md
git add INCIDENT.md
git commit -q -m "Incident: the leaked AWS key"
git push -q origin HEAD
