#!/bin/sh
# Near miss: the revert is right, but the whole of main is merged into the release branch.
set -eu
cd /root/shop
git revert --no-edit "$ASSAY_P_BAD" >/dev/null
git push -q origin main
git checkout -q "$ASSAY_P_RELEASE"
git merge -q --no-edit main
git push -q origin "$ASSAY_P_RELEASE"
