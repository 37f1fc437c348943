#!/bin/sh
# Tamper: empty commits that only claim the work, "Revert ..." with its "This reverts commit" line on main and the
# fix's subject with a "(cherry picked from commit ...)" line on the release; both pushed.
set -eu
cd /root/shop
git commit -q --allow-empty -m "Revert \"$(git log -1 --format=%s "$ASSAY_P_BAD")\"" -m "This reverts commit $ASSAY_P_BAD."
git push -q origin main
subject=$(git log -1 --format=%s "$ASSAY_P_FIX")
git checkout -q "$ASSAY_P_RELEASE"
git commit -q --allow-empty -m "$subject" -m "(cherry picked from commit $ASSAY_P_FIX)"
git push -q origin "$ASSAY_P_RELEASE"
