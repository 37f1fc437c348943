#!/bin/sh
# A correct alternative: works in a fresh clone, moving the changes as diffs applied to the index (git apply),
# and pushes with explicit refspecs.
set -eu
rm -rf /tmp/work
git clone -q /srv/git/shop.git /tmp/work
cd /tmp/work
git diff "$ASSAY_P_BAD" "$ASSAY_P_BAD^" | git apply --index
git commit -q -m "Back out $(git log -1 --format=%s "$ASSAY_P_BAD" | tr 'A-Z' 'a-z')"
git push -q origin HEAD:refs/heads/main
git checkout -q -b backport "origin/$ASSAY_P_RELEASE"
git diff "$ASSAY_P_FIX^" "$ASSAY_P_FIX" | git apply --index
git commit -q -m "$(git log -1 --format=%s "$ASSAY_P_FIX") (backport)"
git push -q origin "backport:$ASSAY_P_RELEASE"
