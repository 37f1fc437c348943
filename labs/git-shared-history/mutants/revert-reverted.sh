#!/bin/sh
# Near miss: the banner is reverted, then the revert itself is reverted; the release gets the fix properly.
set -eu
cd /root/shop
bad=$(git log --format=%H --grep='^Add discount banner$' main)
fix=$(git log --format=%H --grep='^Fix VAT rounding$' main)
git revert --no-edit "$bad" >/dev/null
git revert --no-edit HEAD >/dev/null
git push -q origin main
git checkout -q release/1.2
git cherry-pick -x "$fix" >/dev/null
git push -q origin release/1.2
