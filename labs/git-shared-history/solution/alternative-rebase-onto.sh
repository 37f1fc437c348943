#!/bin/sh
# A correct alternative: the undo is staged with revert --no-commit and committed with a message of our own; the
# fix is carried to the release by rebasing the one-commit range fix^..fix onto it (rebase --onto), and the
# branch pushed with an explicit refspec.
set -eu
cd /root/shop
git fetch -q origin
git checkout -q main
git revert --no-commit "$ASSAY_P_BAD"
git commit -q -m "Take $(git log -1 --format=%s "$ASSAY_P_BAD" | tr 'A-Z' 'a-z') out again" -m "It was not approved."
git push -q origin main
git checkout -q -b carry "$ASSAY_P_FIX"
git rebase -q --onto "origin/$ASSAY_P_RELEASE" "$ASSAY_P_FIX^" carry
git push -q origin "carry:refs/heads/$ASSAY_P_RELEASE"
