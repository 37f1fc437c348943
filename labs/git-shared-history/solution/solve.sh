#!/bin/sh
# The reference solution: a revert commit on main, a cherry-pick (with -x) on the release branch, both pushed.
set -eu
cd /root/shop
bad=$(git log --format=%H --grep='^Add discount banner$' main)
git revert --no-edit "$bad"
git push -q origin main
fix=$(git log --format=%H --grep='^Fix VAT rounding$' main)
git checkout -q release/1.2
git cherry-pick -x "$fix"
git push -q origin release/1.2
