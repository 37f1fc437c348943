#!/bin/sh
# Near miss, on top of the reference solution: deploy gated and the head checkout gone, but the tests still run
# on pull_request_target: a pull request now tests main's code instead of its own, with the base repository's
# cache and token.
set -eu
cd /root/flow-lint
wf=.github/workflows/$ASSAY_P_WORKFLOW
sed -i 's|^  pull_request:$|  pull_request_target:|' "$wf"
grep -q '^  pull_request_target:$' "$wf"
git commit -q -am "ci: keep building forks' pull requests"
git push -q origin "$ASSAY_P_BRANCH"
