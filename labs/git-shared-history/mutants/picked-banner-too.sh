#!/bin/sh
# Near miss: main is reverted properly, but the banner is cherry-picked onto the release along with the VAT fix.
set -eu
cd /root/shop
bad=$(git log --format=%H --grep='^Add discount banner$' main)
fix=$(git log --format=%H --grep='^Fix VAT rounding$' main)
git revert --no-edit "$bad" >/dev/null
git push -q origin main
git checkout -q release/1.2
git cherry-pick -x "$fix" "$bad" >/dev/null
git push -q origin release/1.2
