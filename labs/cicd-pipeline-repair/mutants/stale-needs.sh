#!/bin/sh
# Near miss, on top of the reference solution: the YAML is fixed, but deploy still needs the job by its old
# name, so GitHub still refuses the workflow.
set -eu
cd /root/flow-lint
sed -i 's|^    needs: test$|    needs: unit-tests|' .github/workflows/ci.yml
grep -q '^    needs: unit-tests$' .github/workflows/ci.yml
git commit -q -am "ci: deploy after the unit tests"
git push -q origin fix/ci
