#!/bin/sh
# Near miss: both changes are made, but only main is pushed; origin's release/1.2 never gets the fix.
set -eu
cd /root/shop
bad=$(git log --format=%H --grep='^Add discount banner$' main)
fix=$(git log --format=%H --grep='^Fix VAT rounding$' main)
git revert --no-edit "$bad" >/dev/null
git push -q origin main
git checkout -q release/1.2
git cherry-pick -x "$fix" >/dev/null
