#!/bin/sh
# Near miss: main is reverted properly, but another of main's fixes ("Fix ..." commits) than the session's is
# cherry-picked onto the release, as an answer written for another session would.
set -eu
cd /root/shop
git revert --no-edit "$ASSAY_P_BAD" >/dev/null
git push -q origin main
other=$(git log --format=%H --grep='^Fix ' main | grep -v "^$ASSAY_P_FIX\$" | head -n 1)
[ -n "$other" ]
git checkout -q "$ASSAY_P_RELEASE"
git cherry-pick -x "$other" >/dev/null
git push -q origin "$ASSAY_P_RELEASE"
