#!/bin/sh
# Near miss: reverts the newest commit on main (the footer) instead of the bad one.
set -eu
cd /root/shop
git revert --no-edit HEAD >/dev/null
git push -q origin main
git checkout -q "$ASSAY_P_RELEASE"
git cherry-pick -x "$ASSAY_P_FIX" >/dev/null
git push -q origin "$ASSAY_P_RELEASE"
