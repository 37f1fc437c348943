#!/bin/sh
# Near miss, on top of the reference solution: the right script, but still piped into tee on the default shell
# (bash -e without pipefail): the step takes tee's exit status and stays green when a test fails.
set -eu
cd /root/flow-lint
wf=.github/workflows/$ASSAY_P_WORKFLOW
sed -i '/^        shell: bash /d' "$wf"
if grep -q 'shell:' "$wf"; then exit 1; fi
git commit -q -am "ci: default shell"
git push -q origin "$ASSAY_P_BRANCH"
