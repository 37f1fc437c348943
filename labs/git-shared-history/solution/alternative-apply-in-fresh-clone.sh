#!/bin/sh
# A correct alternative: works in a fresh clone, moving the changes as diffs applied to the index (git apply),
# and pushes with explicit refspecs.
set -eu
rm -rf /tmp/work
git clone -q /srv/git/shop.git /tmp/work
cd /tmp/work
banner=$(git rev-list -n 1 --grep='discount banner' origin/main)
git diff "$banner" "$banner^" | git apply --index
git commit -q -m "Back out the discount banner"
git push -q origin HEAD:refs/heads/main
vat=$(git rev-list -n 1 --grep='VAT rounding' origin/main)
git checkout -q -b backport origin/release/1.2
git diff "$vat^" "$vat" | git apply --index
git commit -q -m "Fix VAT rounding (backport to 1.2)"
git push -q origin backport:release/1.2
