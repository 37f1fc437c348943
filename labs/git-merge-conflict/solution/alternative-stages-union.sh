#!/bin/sh
# A correct alternative: git merge --no-ff --no-commit, the code resolved from the feature's stage (:3:) with main's
# rounding applied to it, the changelog by a union merge of its three stages (git merge-file --union), a merge
# message of our own, pushed as HEAD:refs/heads/main.
set -eu
cd /root/shop
git pull -q --no-rebase origin main
git merge --no-ff --no-commit origin/feature/coupons > /dev/null 2>&1 || true
git show :3:shop/pricing.py | python3 -c '
import sys
s = sys.stdin.read()
s = s.replace("from shop.coupons import discount_for\n",
              "from decimal import ROUND_HALF_UP, Decimal\n\nfrom shop.coupons import discount_for\n")
s = s.replace("    amount = sum(prices)\n", "    amount = sum((Decimal(str(p)) for p in prices), Decimal(0))\n")
s = s.replace("    return round(amount, 2)\n", "    return amount.quantize(Decimal(\"0.01\"), rounding=ROUND_HALF_UP)\n")
sys.stdout.write(s)' > shop/pricing.py
git show :1:CHANGELOG.md > /tmp/base.md
git show :2:CHANGELOG.md > /tmp/ours.md
git show :3:CHANGELOG.md > /tmp/theirs.md
git merge-file -p --union /tmp/ours.md /tmp/base.md /tmp/theirs.md > CHANGELOG.md
git add shop/pricing.py CHANGELOG.md
git commit -q -m "Merge feature/coupons: coupons on half-up totals"
git push -q origin HEAD:refs/heads/main
