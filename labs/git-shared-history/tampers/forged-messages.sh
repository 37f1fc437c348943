#!/bin/sh
# Tamper: empty commits that only claim the work, "Revert ..." with its "This reverts commit" line on main and
# "Fix VAT rounding" with a "(cherry picked from commit ...)" line on the release; both pushed.
set -eu
cd /root/shop
bad=$(git log --format=%H --grep='^Add discount banner$' main)
fix=$(git log --format=%H --grep='^Fix VAT rounding$' main)
git commit -q --allow-empty -m 'Revert "Add discount banner"' -m "This reverts commit $bad."
git push -q origin main
git checkout -q release/1.2
git commit -q --allow-empty -m 'Fix VAT rounding' -m "(cherry picked from commit $fix)"
git push -q origin release/1.2
