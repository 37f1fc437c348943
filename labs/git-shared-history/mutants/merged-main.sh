#!/bin/sh
# Near miss: the revert is right, but the whole of main is merged into the release branch.
set -eu
cd /root/shop
bad=$(git log --format=%H --grep='^Add discount banner$' main)
git revert --no-edit "$bad" >/dev/null
git push -q origin main
git checkout -q release/1.2
git merge -q --no-edit main
git push -q origin release/1.2
