#!/bin/sh
# Near miss, on top of the reference solution: setup-node pinned to a full SHA, but not one the policy approves
# (40 hex digits that look like a pin and name a commit nobody reviewed).
set -eu
cd /root/flow-lint
sed -i 's|actions/setup-node@39370e3970a6d050c480ffad4ff0ed4d3fdee5af # v4.4.0|actions/setup-node@1d0ff469b7ec7b3cb9d8673fde0c81c44821de2a # v4.4.0|' \
  .github/workflows/ci.yml
grep -q 'actions/setup-node@1d0ff469b7ec7b3cb9d8673fde0c81c44821de2a' .github/workflows/ci.yml
git commit -q -am "ci: bump setup-node"
git push -q origin fix/ci
