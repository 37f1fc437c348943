#!/bin/sh
# A correct alternative: undo the banner by hand (restore the files it touched, one new commit), and bring the
# fix over as a patch (format-patch and am keep its patch id).
set -eu
cd /root/shop
bad=$(git log --format=%H --grep='^Add discount banner$' main)
git rm -q banner.html
git show "$bad^:checkout.js" > checkout.js
git commit -qam "Undo the discount banner: it halved every checkout"
git push -q origin main
fix=$(git log --format=%H --grep='^Fix VAT rounding$' main)
git format-patch -1 --stdout "$fix" > /tmp/fix.patch
git checkout -q release/1.2
git am -q /tmp/fix.patch
git push -q origin release/1.2
