#!/bin/sh
# A correct alternative: in a fresh clone, merge main into feature/coupons, start from main's side of the conflict
# (checkout --theirs) and add the coupon to it with an edit, write the changelog whole, push the branch, then
# fast-forward main to it with an explicit refspec.
set -eu
rm -rf /tmp/work
git clone -q /srv/git/shop.git /tmp/work
cd /tmp/work
git checkout -q feature/coupons
git merge origin/main > /dev/null || true
git checkout --theirs shop/pricing.py
python3 - <<'PY'
from pathlib import Path

p = Path("shop/pricing.py")
s = p.read_text()
s = s.replace('from decimal import ROUND_HALF_UP, Decimal\n',
              'from decimal import ROUND_HALF_UP, Decimal\n\nfrom shop.coupons import discount_for\n')
s = s.replace("def total(prices):", "def total(prices, coupon=None):")
s = s.replace("    return amount.quantize", "    amount -= discount_for(coupon, amount)\n    return amount.quantize")
p.write_text(s)
PY
cat > CHANGELOG.md <<'MD'
# Changelog

## Unreleased

- Coupon codes at checkout: TENOFF, SPRING15, WELCOME5
- Totals round half up to the cent (2.675 is 2.68, not 2.67)

## 1.0.0

- First release of the shop
MD
git add -A
git commit -q -m "Merge main into feature/coupons"
git push -q origin feature/coupons
git push -q origin feature/coupons:main
