#!/bin/sh
# The reference solution: a revert commit on main, a cherry-pick (with -x) on the release branch, both pushed. The
# bad commit, the fix and the release branch are the session's ($ASSAY_P_BAD, $ASSAY_P_FIX, $ASSAY_P_RELEASE).
set -eu
cd /root/shop
git revert --no-edit "$ASSAY_P_BAD"
git push -q origin main
git checkout -q "$ASSAY_P_RELEASE"
git cherry-pick -x "$ASSAY_P_FIX"
git push -q origin "$ASSAY_P_RELEASE"
