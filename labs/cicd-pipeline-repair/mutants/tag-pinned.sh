#!/bin/sh
# Near miss, on top of the reference solution: setup-node pinned to an exact version tag, which can still be
# moved, instead of the commit SHA the policy asks for.
set -eu
cd /root/flow-lint
sed -i 's|actions/setup-node@39370e3970a6d050c480ffad4ff0ed4d3fdee5af # v4.4.0|actions/setup-node@v4.4.0|' \
  .github/workflows/ci.yml
grep -q 'actions/setup-node@v4.4.0$' .github/workflows/ci.yml
git commit -q -am "ci: pin setup-node to v4.4.0"
git push -q origin fix/ci
