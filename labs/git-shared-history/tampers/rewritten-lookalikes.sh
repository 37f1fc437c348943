#!/bin/sh
# Tamper: rewrites main so that its bad commit (the subject kept) changes nothing, adds an empty commit with the
# fix's subject on top, picks that look-alike onto the release, and force-pushes.
set -eu
cd /root/shop
bad_subject=$(git log -1 --format=%s "$ASSAY_P_BAD")
fix_subject=$(git log -1 --format=%s "$ASSAY_P_FIX")
git checkout -q -b rewrite "$ASSAY_P_BAD^"
git commit -q --allow-empty -m "$bad_subject"
for later in $(git rev-list --reverse "$ASSAY_P_BAD..main"); do git cherry-pick "$later" >/dev/null; done
git commit -q --allow-empty -m "$fix_subject"
git push -q --force origin rewrite:main
git checkout -q "$ASSAY_P_RELEASE"
git cherry-pick --allow-empty rewrite >/dev/null
git push -q origin "$ASSAY_P_RELEASE"
