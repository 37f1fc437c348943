#!/bin/sh
# Plants the team's remote (the bare /srv/git/shop.git) with main and feature/coupons, which both changed the cart
# total and the changelog since they forked, and the candidate's clone in /root/shop. Every commit has a fixed date,
# so its id is the same in every session and the checks can name the commits by id.
set -eu
export GIT_AUTHOR_NAME="Robin Reviewer" GIT_AUTHOR_EMAIL=robin@shop.example
export GIT_COMMITTER_NAME="Robin Reviewer" GIT_COMMITTER_EMAIL=robin@shop.example
at() { export GIT_AUTHOR_DATE="$1 +0000" GIT_COMMITTER_DATE="$1 +0000"; }
git config --global init.defaultBranch main
git config --global user.name "Candidate"
git config --global user.email candidate@shop.example
mkdir -p /srv/git
git init -q --bare /srv/git/shop.git
git init -q /tmp/seed
cd /tmp/seed
mkdir -p shop tests
: > shop/__init__.py
: > tests/__init__.py
cat > shop/pricing.py <<'PY'
"""Cart totals."""


def total(prices):
    """The cart's total: the sum of its prices, rounded to the cent."""
    amount = sum(prices)
    return round(amount, 2)
PY
cat > tests/test_pricing.py <<'PY'
import unittest

from shop.pricing import total


class TotalTest(unittest.TestCase):
    def test_sums_the_prices(self):
        self.assertEqual(total([1.25, 2.50]), 3.75)

    def test_empty_cart(self):
        self.assertEqual(total([]), 0)
PY
printf '# Changelog\n\n## Unreleased\n\n## 1.0.0\n\n- First release of the shop\n' > CHANGELOG.md
printf '__pycache__/\n' > .gitignore
printf '# Shop\n\nCart pricing for the shop. Run the tests with `python3 -m unittest`.\n' > README.md
at 2026-03-02T09:00:00
git add . && git commit -qm "Initial shop"

git checkout -q -b feature/coupons
cat > shop/coupons.py <<'PY'
"""Coupon codes and what they take off a cart."""

PERCENT_OFF = {"TENOFF": 10, "SPRING15": 15}
AMOUNT_OFF = {"WELCOME5": 5}


def discount_for(code, amount):
    """What the coupon takes off a cart of this amount (never more than the amount)."""
    if code is None:
        return 0
    if code in PERCENT_OFF:
        return amount * PERCENT_OFF[code] / 100
    if code in AMOUNT_OFF:
        return min(AMOUNT_OFF[code], amount)
    raise ValueError(f"unknown coupon code {code!r}")
PY
cat > tests/test_coupons.py <<'PY'
import unittest

from shop.pricing import total


class CouponTest(unittest.TestCase):
    def test_percent_off(self):
        self.assertEqual(total([20.00], "TENOFF"), 18)

    def test_amount_off_never_below_zero(self):
        self.assertEqual(total([3.00], "WELCOME5"), 0)

    def test_unknown_code(self):
        with self.assertRaises(ValueError):
            total([10.00], "FREE")
PY
at 2026-03-03T10:00:00
git add . && git commit -qm "Add coupon codes"
cat > shop/pricing.py <<'PY'
"""Cart totals."""

from shop.coupons import discount_for


def total(prices, coupon=None):
    """The cart's total: the sum of its prices less the coupon's discount, rounded to the cent."""
    amount = sum(prices)
    amount -= discount_for(coupon, amount)
    return round(amount, 2)
PY
sed -i 's/^## Unreleased$/## Unreleased\n\n- Coupon codes at checkout: TENOFF, SPRING15, WELCOME5/' CHANGELOG.md
at 2026-03-04T15:30:00
git commit -qam "Apply the coupon to the cart total"

git checkout -q main
cat > shop/pricing.py <<'PY'
"""Cart totals."""

from decimal import ROUND_HALF_UP, Decimal

CENT = Decimal("0.01")


def total(prices):
    """The cart's total: the sum of its prices, rounded half up to the cent (not to even, not in binary)."""
    amount = sum((Decimal(str(price)) for price in prices), Decimal(0))
    return amount.quantize(CENT, rounding=ROUND_HALF_UP)
PY
cat >> tests/test_pricing.py <<'PY'

    def test_rounds_half_up(self):
        self.assertEqual(str(total([2.675])), "2.68")
        self.assertEqual(str(total([0.125])), "0.13")
PY
sed -i 's/^## Unreleased$/## Unreleased\n\n- Totals round half up to the cent (2.675 is 2.68, not 2.67)/' CHANGELOG.md
at 2026-03-05T11:20:00
git commit -qam "Round totals half up to the cent"
unset GIT_AUTHOR_DATE GIT_COMMITTER_DATE
git push -q /srv/git/shop.git main feature/coupons
git --git-dir=/srv/git/shop.git symbolic-ref HEAD refs/heads/main
cd /root
rm -rf /tmp/seed
git clone -q /srv/git/shop.git shop
