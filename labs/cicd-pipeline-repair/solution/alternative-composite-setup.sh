#!/bin/sh
# A correct alternative with a local composite action for the Node set-up (setup-node and a lockfile-keyed cache,
# both pinned), no pipe at all (the TAP report goes to a file by redirection), and the deploy guarded by the event
# alone: pushes only ever start this workflow for main, so "push" means "push to main". Edited in place with a
# script rather than rewritten, committed in two steps.
set -eu
cd /root/flow-lint
wf=.github/workflows/$ASSAY_P_WORKFLOW
git switch -q -c "$ASSAY_P_BRANCH"
mkdir -p .github/actions/setup-flow-lint
cat > .github/actions/setup-flow-lint/action.yml <<'YAML'
name: set up flow-lint
description: Node.js 20 and the npm cache, keyed on the lockfile
runs:
  using: composite
  steps:
    - uses: actions/setup-node@@SETUP_NODE_SHA@
      with:
        node-version: "20"
    - uses: actions/cache@5a3ec84eff668545956fd18022155c47e93e2684
      with:
        path: ~/.npm
        key: ${{ runner.os }}-node20-${{ hashFiles('package-lock.json') }}
    - run: npm ci
      shell: bash
YAML
# the setup-node v4.4.0 commit docs/ci-policy.md approves
sed -i "s/@SETUP_NODE_SHA@/$ASSAY_P_SETUP_NODE_SHA/" .github/actions/setup-flow-lint/action.yml
git add .github/actions
git commit -q -m "ci: a composite action for the Node set-up"
python3 - "$wf" <<'PY'
import re, sys
path = sys.argv[1]
text = open(path).read()
text = text.replace("  pull_request_target:\n", "  pull_request:\n")
text = re.sub(r"\n        with:\n          ref: \$\{\{ github\.event\.pull_request\.head\.sha \|\| github\.sha \}\}", "", text)
text = re.sub(r"      - uses: actions/setup-node@v4\n(.*\n)*?      - run: npm ci\n",
              "      - uses: ./.github/actions/setup-flow-lint\n", text)
text = text.replace("run: npm run test:unit 2>&1 | tee test-report.txt",
                    "run: npm test -- --test-reporter=tap > test-report.txt")
text = text.replace("  unit-tests:\n", "  test:\n")
text = text.replace("    needs: unit-tests\n", "    needs: [test]\n    if: github.event_name == 'push'\n")
text = text.replace("         env:\n", "        env:\n")
open(path, "w").write(text)
PY
yamllint -d relaxed "$wf" >/dev/null
npm test >/dev/null 2>&1
git commit -q -am "ci: pull_request without the head checkout, deploy on pushes only, tests that can fail"
git push -q origin HEAD
