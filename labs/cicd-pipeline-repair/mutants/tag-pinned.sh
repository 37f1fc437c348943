#!/bin/sh
# Near miss, on top of the reference solution: setup-node pinned to an exact version tag, which can still be
# moved, instead of the commit SHA the policy asks for.
set -eu
cd /root/flow-lint
wf=.github/workflows/$ASSAY_P_WORKFLOW
sed -i "s|actions/setup-node@$ASSAY_P_SETUP_NODE_SHA # v4.4.0|actions/setup-node@v4.4.0|" \
  "$wf"
grep -q 'actions/setup-node@v4.4.0$' "$wf"
git commit -q -am "ci: pin setup-node to v4.4.0"
git push -q origin "$ASSAY_P_BRANCH"
