#!/bin/sh
# Near miss, on top of the reference solution: the right script, but still piped into tee on the default shell
# (bash -e without pipefail): the step takes tee's exit status and stays green when a test fails.
set -eu
cd /root/flow-lint
sed -i '/^        shell: bash /d' .github/workflows/ci.yml
if grep -q 'shell:' .github/workflows/ci.yml; then exit 1; fi
git commit -q -am "ci: default shell"
git push -q origin fix/ci
