#!/bin/sh
# A correct alternative: a tree filter over main and the tag named explicitly, backup refs deleted one by one,
# pushes with an explicit refspec for the tag; the incident note says the key is revoked.
set -eu
cd /root/app
export FILTER_BRANCH_SQUELCH_WARNING=1
git filter-branch -f --tree-filter 'rm -f config/prod.env' --tag-name-filter cat -- main v1.0 >/dev/null
for ref in $(git for-each-ref --format='%(refname)' refs/original/); do git update-ref -d "$ref"; done
git push -q --force origin main 'refs/tags/v1.0:refs/tags/v1.0'
printf 'Incident: AWS key leaked in git history. The key has been revoked and replaced; history purged.\n' > INCIDENT.md
git add INCIDENT.md && git commit -qm "Incident note" && git push -q origin main
