#!/bin/sh
# Plants a shared repository (the bare /srv/git/shop.git stands for the team's remote) with main and release/1.2,
# a bad commit on main that everyone has pulled, a VAT fix before it that the release needs, and the candidate's
# clone in /root/shop. Every commit has a fixed date, so its id is the same in every session and the checks can
# name the commits by id (a rewritten history cannot pass for the shared one).
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
printf 'export function checkout(cart) {\n  return cart.total;\n}\n' > checkout.js
printf '<footer>Shop Ltd</footer>\n' > footer.html
at 2026-03-02T09:00:00
git add . && git commit -qm "Initial shop"
git branch release/1.2
printf 'RATE = 0.2\n\ndef with_vat(net):\n    return round(net * (1 + RATE), 2)\n' > vat.py
at 2026-03-03T10:15:00
git commit -qam "Fix VAT rounding"
printf '<div class="banner">50%% off everything!</div>\n' > banner.html
printf 'export function checkout(cart) {\n  return cart.total * 0.5; // banner discount\n}\n' > checkout.js
at 2026-03-04T16:40:00
git add . && git commit -qm "Add discount banner"
printf '<footer>Shop Ltd, 2026</footer>\n' > footer.html
at 2026-03-05T08:05:00
git commit -qam "Update footer"
unset GIT_AUTHOR_DATE GIT_COMMITTER_DATE
git push -q /srv/git/shop.git main release/1.2
cd /root
rm -rf /tmp/seed
git clone -q /srv/git/shop.git shop
