#!/bin/sh
# Tamper: a merge in name only. git merge -s ours records feature/coupons as merged (its tip becomes a parent of
# main) but keeps main's files as they are; pushed.
set -eu
cd /root/shop
git merge -q -s ours -m "Merge branch 'feature/coupons'" origin/feature/coupons
git push -q origin main
