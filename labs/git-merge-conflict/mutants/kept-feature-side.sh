#!/bin/sh
# Near miss: merges, but resolves shop/pricing.py by taking the feature's side: totals round in binary floats again.
set -eu
cd /root/shop
git merge origin/feature/coupons > /dev/null || true
git checkout --theirs shop/pricing.py
sed -i -e '/^<<<<<<< /d' -e '/^=======$/d' -e '/^>>>>>>> /d' CHANGELOG.md
git add shop/pricing.py CHANGELOG.md
git commit -q --no-edit
git push -q origin main
