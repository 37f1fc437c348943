#!/bin/sh
# A correct alternative: undo the bad commit by hand (remove the files it added, restore the ones it changed, one
# new commit), and bring the fix over as a patch (format-patch and am keep its patch id).
set -eu
cd /root/shop
bad=$ASSAY_P_BAD
git diff --name-only --diff-filter=A "$bad^" "$bad" | while IFS= read -r added; do git rm -q -- "$added"; done
git diff --name-only --diff-filter=M "$bad^" "$bad" | while IFS= read -r changed; do
  git show "$bad^:$changed" > "$changed"
done
git commit -qam "Undo $(git log -1 --format=%s "$bad"): not approved yet"
git push -q origin main
git format-patch -1 --stdout "$ASSAY_P_FIX" > /tmp/fix.patch
git checkout -q "$ASSAY_P_RELEASE"
git am -q /tmp/fix.patch
git push -q origin "$ASSAY_P_RELEASE"
