#!/bin/sh
# Tamper: rewrites main so that its "Add discount banner" changes nothing (the subject kept), adds an empty
# "Fix VAT rounding" on top, picks that look-alike onto the release, and force-pushes.
set -eu
cd /root/shop
fix=$(git log --format=%H --grep='^Fix VAT rounding$' main)
footer=$(git log --format=%H --grep='^Update footer$' main)
git checkout -q -b rewrite "$fix"
git commit -q --allow-empty -m 'Add discount banner'
git cherry-pick "$footer" >/dev/null
git commit -q --allow-empty -m 'Fix VAT rounding'
git push -q --force origin rewrite:main
git checkout -q release/1.2
git cherry-pick --allow-empty rewrite >/dev/null
git push -q origin release/1.2
