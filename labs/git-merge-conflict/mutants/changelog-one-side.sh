#!/bin/sh
# Near miss: resolves the code right, but keeps only main's line in CHANGELOG.md.
set -eu
cd /root/shop
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
git checkout --ours CHANGELOG.md
git add shop/pricing.py CHANGELOG.md
git commit -q --no-edit
git push -q origin main
