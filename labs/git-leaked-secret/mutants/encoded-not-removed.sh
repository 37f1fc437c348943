#!/bin/sh
# Near miss: every branch and tag is rewritten, but the key's file is "redacted" to the base64 of its content
# instead of being removed: anyone can decode the key.
set -eu
cd "/root/$ASSAY_P_APP"
export FILTER_BRANCH_SQUELCH_WARNING=1
git filter-branch -f --tree-filter \
  "if [ -f $ASSAY_P_FILE ]; then base64 $ASSAY_P_FILE > $ASSAY_P_FILE.b64; rm $ASSAY_P_FILE; fi" \
  --tag-name-filter cat -- --all >/dev/null
git for-each-ref --format='%(refname)' refs/original/ | xargs -r -n1 git update-ref -d
git push -q --force origin main "refs/tags/$ASSAY_P_TAG:refs/tags/$ASSAY_P_TAG"
printf '# Leaked key\n\nThe key is redacted from history. Rotate it anyway: revoke the old one in IAM.\n' > INCIDENT.md
git add INCIDENT.md
git commit -qm "Incident note"
git push -q origin main
