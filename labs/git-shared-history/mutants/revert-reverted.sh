#!/bin/sh
# Near miss: the bad commit is reverted, then the revert itself is reverted; the release gets the fix properly.
set -eu
cd /root/shop
git revert --no-edit "$ASSAY_P_BAD" >/dev/null
git revert --no-edit HEAD >/dev/null
git push -q origin main
git checkout -q "$ASSAY_P_RELEASE"
git cherry-pick -x "$ASSAY_P_FIX" >/dev/null
git push -q origin "$ASSAY_P_RELEASE"
