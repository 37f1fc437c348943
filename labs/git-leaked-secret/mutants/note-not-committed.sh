#!/bin/sh
# Near miss: purges every branch and tag, and writes the incident note, but leaves it uncommitted.
set -eu
cd "/root/$ASSAY_P_APP"
export FILTER_BRANCH_SQUELCH_WARNING=1
git filter-branch -f --index-filter "git rm -q --cached --ignore-unmatch $ASSAY_P_FILE" \
  --tag-name-filter cat -- --all >/dev/null
git for-each-ref --format='%(refname)' refs/original/ | xargs -r -n1 git update-ref -d
git push -q --force origin main "refs/tags/$ASSAY_P_TAG:refs/tags/$ASSAY_P_TAG"
printf '# Leaked key\n\nRotate the AWS key now: deactivate the old one, create a new one, review CloudTrail.\n' > INCIDENT.md
