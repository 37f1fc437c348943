#!/bin/sh
# Near miss: resolves both files right, but with git merge --squash: main gets one new commit, and the reviewed
# commits of feature/coupons are not in its history.
set -eu
cd /root/shop
git merge --squash origin/feature/coupons > /dev/null 2>&1 || true
cat > shop/pricing.py <<'PY'
"""Cart totals."""

from decimal import ROUND_HALF_UP, Decimal

from shop.coupons import discount_for

CENT = Decimal("0.01")


def total(prices, coupon=None):
    """The cart's total: the sum of its prices less the coupon's discount, rounded half up to the cent."""
    amount = sum((Decimal(str(price)) for price in prices), Decimal(0))
    amount -= discount_for(coupon, amount)
    return amount.quantize(CENT, rounding=ROUND_HALF_UP)
PY
sed -i -e '/^<<<<<<< /d' -e '/^=======$/d' -e '/^>>>>>>> /d' CHANGELOG.md
git add -A
git commit -q -m "Add coupon codes (squashed)"
git push -q origin main
