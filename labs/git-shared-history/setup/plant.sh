#!/bin/sh
# Plants a shared repository (the bare /srv/git/shop.git stands for the team's remote) with main and the release
# branch, and the candidate's clone in /root/shop. main holds three fixes, then three features, after the release
# branched off (the fixes first, so that a rewrite of main from a feature on keeps every fix's id). Which feature
# must be undone ($ASSAY_P_BAD), which fix the release needs ($ASSAY_P_FIX) and the release branch's name
# ($ASSAY_P_RELEASE) are drawn per session (lab.yaml, parameters). Every commit has a fixed
# date, so the history, and every commit's id, is the same in every session: the checks name commits by id (a
# rewritten history cannot pass for the shared one), and the drawn commits are ids of this history.
set -eu
export GIT_AUTHOR_NAME="Dana Developer" GIT_AUTHOR_EMAIL=dana@shop.example
export GIT_COMMITTER_NAME="Dana Developer" GIT_COMMITTER_EMAIL=dana@shop.example
at() { export GIT_AUTHOR_DATE="$1 +0000" GIT_COMMITTER_DATE="$1 +0000"; }
git config --global init.defaultBranch main
git config --global user.name "Candidate"
git config --global user.email candidate@shop.example
mkdir -p /srv/git
git init -q --bare /srv/git/shop.git
git init -q /tmp/seed
cd /tmp/seed
printf 'RATE = 0.2\n\ndef with_vat(net):\n    return net * (1 + RATE)\n' > vat.py
printf 'def price(amount):\n    return "EUR %%s" %% amount\n' > currency.py
printf 'ISLANDS = ["Mallorca", "Sylt"]\n\ndef shipping(region):\n    return 4.90\n' > shipping.py
printf 'export function checkout(cart) {\n  return cart.total;\n}\n' > checkout.js
printf 'export function addItem(cart, item) {\n  cart.items.push(item);\n  cart.total += item.price;\n}\n' > cart.js
printf 'export function account(user) {\n  return { name: user.name };\n}\n' > account.js
printf '<footer>Shop Ltd</footer>\n' > footer.html
at 2026-03-02T09:00:00
git add . && git commit -qm "Initial shop"
git branch "$ASSAY_P_RELEASE"
printf 'RATE = 0.2\n\ndef with_vat(net):\n    return round(net * (1 + RATE), 2)\n' > vat.py
at 2026-03-03T10:15:00
git commit -qam "Fix VAT rounding"
printf 'def price(amount):\n    return "EUR %%.2f" %% amount\n' > currency.py
at 2026-03-03T15:20:00
git commit -qam "Fix currency format"
printf 'ISLANDS = ["Mallorca", "Sylt"]\n\ndef shipping(region):\n    return 9.90 if region in ISLANDS else 4.90\n' > shipping.py
at 2026-03-04T09:30:00
git commit -qam "Fix shipping to islands"
printf '<div class="banner">50%% off everything!</div>\n' > banner.html
printf 'export function checkout(cart) {\n  return cart.total * 0.5; // banner discount\n}\n' > checkout.js
at 2026-03-04T16:40:00
git add . && git commit -qm "Add discount banner"
printf '<label><input type="checkbox" name="wrap"> Gift wrapping</label>\n' > giftwrap.html
printf 'export function addItem(cart, item) {\n  cart.items.push(item);\n  cart.total += item.price + 3.5; // gift wrapping\n}\n' > cart.js
at 2026-03-05T10:05:00
git add . && git commit -qm "Add gift wrapping"
printf '<p class="points">You have <span id="points"></span> points</p>\n' > points.html
printf 'export function account(user) {\n  return { name: user.name, points: user.orders * 100 };\n}\n' > account.js
at 2026-03-05T14:30:00
git add . && git commit -qm "Add loyalty points"
printf '<footer>Shop Ltd, 2026</footer>\n' > footer.html
at 2026-03-06T08:05:00
git commit -qam "Update footer"
unset GIT_AUTHOR_DATE GIT_COMMITTER_DATE
git push -q /srv/git/shop.git main "$ASSAY_P_RELEASE"
# The drawn commits must be this history's (a changed plant would change every id).
git cat-file -e "$ASSAY_P_BAD^{commit}"
git cat-file -e "$ASSAY_P_FIX^{commit}"
cd /root
rm -rf /tmp/seed
git clone -q /srv/git/shop.git shop
