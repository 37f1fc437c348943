#!/bin/sh
# Near miss, on top of the reference solution: the cache key hashes package.json, not the lockfile, so a
# dependency that changes only in package-lock.json (a transitive security fix) keeps the stale cache.
set -eu
cd /root/flow-lint
wf=.github/workflows/$ASSAY_P_WORKFLOW
sed -i "s|hashFiles('package-lock.json')|hashFiles('package.json')|" "$wf"
grep -q "hashFiles('package.json')" "$wf"
git commit -q -am "ci: key the npm cache on package.json"
git push -q origin "$ASSAY_P_BRANCH"
