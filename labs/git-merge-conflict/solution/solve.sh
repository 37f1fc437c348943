#!/bin/sh
# The reference solution: merge feature/coupons into main in the clone, write the combined total() (the coupon from
# the feature, the half-up rounding from main), keep both changelog lines, run the tests, commit the merge, push.
set -eu
cd /root/shop
git fetch -q origin
git checkout -q main
git merge origin/feature/coupons > /dev/null || true
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
python3 -m unittest -q 2> /dev/null
git add shop/pricing.py CHANGELOG.md
git commit -q --no-edit
git push -q origin main
