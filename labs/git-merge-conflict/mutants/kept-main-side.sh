#!/bin/sh
# Near miss: merges, but resolves shop/pricing.py by taking main's side: no coupon reaches the total.
set -eu
cd /root/shop
git merge origin/feature/coupons > /dev/null || true
git checkout --ours shop/pricing.py
sed -i -e '/^<<<<<<< /d' -e '/^=======$/d' -e '/^>>>>>>> /d' CHANGELOG.md
git add shop/pricing.py CHANGELOG.md
git commit -q --no-edit
git push -q origin main
