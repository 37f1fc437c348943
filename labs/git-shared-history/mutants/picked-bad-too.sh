#!/bin/sh
# Near miss: main is reverted properly, but the bad commit is cherry-picked onto the release along with the fix.
set -eu
cd /root/shop
git revert --no-edit "$ASSAY_P_BAD" >/dev/null
git push -q origin main
git checkout -q "$ASSAY_P_RELEASE"
git cherry-pick -x "$ASSAY_P_FIX" "$ASSAY_P_BAD" >/dev/null
git push -q origin "$ASSAY_P_RELEASE"
