#!/bin/sh
# Near miss, on top of the reference solution: setup-node pinned to a full SHA, but not one the policy approves
# (40 hex digits that look like a pin and name a commit nobody reviewed).
set -eu
cd /root/flow-lint
wf=.github/workflows/$ASSAY_P_WORKFLOW
sed -i "s|actions/setup-node@$ASSAY_P_SETUP_NODE_SHA # v4.4.0|actions/setup-node@1d0ff469b7ec7b3cb9d8673fde0c81c44821de2a # v4.4.0|" \
  "$wf"
grep -q 'actions/setup-node@1d0ff469b7ec7b3cb9d8673fde0c81c44821de2a' "$wf"
git commit -q -am "ci: bump setup-node"
git push -q origin "$ASSAY_P_BRANCH"
