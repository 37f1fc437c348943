#!/bin/sh
# A correct alternative: the undo is staged with revert --no-commit and committed with a message of our own; the
# release branch stands right before the fix, so the fix commit itself is pushed as its new tip (a fast-forward
# that brings that one commit and nothing else).
set -eu
cd /root/shop
git fetch -q origin
banner=$(git log origin/main --format='%H %s' | awk '$2 == "Add" && $3 == "discount" { print $1 }')
git checkout -q main
git revert --no-commit "$banner"
git commit -q -m "Take the discount banner out again" -m "It halved every checkout total."
git push -q origin main
vat=$(git log origin/main --format='%H %s' | awk '$2 == "Fix" && $3 == "VAT" { print $1 }')
git merge-base --is-ancestor origin/release/1.2 "$vat"
git push -q origin "$vat:refs/heads/release/1.2"
