#!/bin/sh
# Near miss: both changes are made, but only main is pushed; origin's release branch never gets the fix.
set -eu
cd /root/shop
git revert --no-edit "$ASSAY_P_BAD" >/dev/null
git push -q origin main
git checkout -q "$ASSAY_P_RELEASE"
git cherry-pick -x "$ASSAY_P_FIX" >/dev/null
