#!/bin/sh
# Near miss, on top of the reference solution: the YAML is fixed, but deploy still needs the job by its old
# name, so GitHub still refuses the workflow.
set -eu
cd /root/flow-lint
wf=.github/workflows/$ASSAY_P_WORKFLOW
sed -i 's|^    needs: test$|    needs: unit-tests|' "$wf"
grep -q '^    needs: unit-tests$' "$wf"
git commit -q -am "ci: deploy after the unit tests"
git push -q origin "$ASSAY_P_BRANCH"
