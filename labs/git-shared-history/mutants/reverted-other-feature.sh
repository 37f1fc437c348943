#!/bin/sh
# Near miss: reverts another of main's features ("Add ..." commits) than the session's bad one, as an answer
# written for another session would; the fix reaches the release properly.
set -eu
cd /root/shop
other=$(git log --format=%H --grep='^Add ' main | grep -v "^$ASSAY_P_BAD\$" | head -n 1)
[ -n "$other" ]
git revert --no-edit "$other" >/dev/null
git push -q origin main
git checkout -q "$ASSAY_P_RELEASE"
git cherry-pick -x "$ASSAY_P_FIX" >/dev/null
git push -q origin "$ASSAY_P_RELEASE"
