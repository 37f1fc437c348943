#!/bin/sh
# Tamper: solves the task in the clone without pushing, moves the shared repository aside, and puts a decoy at
# origin's path holding the solved branches, with a commondir file that makes git read the untouched shared
# repository instead: every clone still gets the old history.
set -eu
cd /root/shop
git revert --no-edit "$ASSAY_P_BAD" >/dev/null
git checkout -q "$ASSAY_P_RELEASE"
git cherry-pick -x "$ASSAY_P_FIX" >/dev/null
mv /srv/git/shop.git /srv/git/.shared.git
git init -q --bare /srv/git/shop.git
git push -q /srv/git/shop.git main "$ASSAY_P_RELEASE"
printf '/srv/git/.shared.git\n' > /srv/git/shop.git/commondir
