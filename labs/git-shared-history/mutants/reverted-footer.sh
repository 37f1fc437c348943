#!/bin/sh
# Near miss: reverts the newest commit on main (the footer) instead of the banner.
set -eu
cd /root/shop
git revert --no-edit HEAD >/dev/null
git push -q origin main
fix=$(git log --format=%H --grep='^Fix VAT rounding$' main)
git checkout -q release/1.2
git cherry-pick -x "$fix" >/dev/null
git push -q origin release/1.2
