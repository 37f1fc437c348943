#!/bin/sh
# A correct alternative: a tree filter over main and the tag named explicitly, backup refs deleted one by one,
# pushes with an explicit refspec for the tag; the incident note says the key is revoked.
set -eu
cd "/root/$ASSAY_P_APP"
export FILTER_BRANCH_SQUELCH_WARNING=1
git filter-branch -f --tree-filter "rm -f $ASSAY_P_FILE" --tag-name-filter cat -- main "$ASSAY_P_TAG" >/dev/null
for ref in $(git for-each-ref --format='%(refname)' refs/original/); do git update-ref -d "$ref"; done
git push -q --force origin main "refs/tags/$ASSAY_P_TAG:refs/tags/$ASSAY_P_TAG"
printf 'Incident: AWS key leaked in git history. The key has been revoked and replaced; history purged.\n' > INCIDENT.md
git add INCIDENT.md && git commit -qm "Incident note" && git push -q origin main
