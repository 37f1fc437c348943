#!/bin/sh
# Near miss: every fault repaired (here with line edits rather than a rewrite), committed on main, and left there
# when origin refused the push to its protected main: no branch, no pull request, nothing for CI to run.
set -eu
cd /root/flow-lint
wf=.github/workflows/$ASSAY_P_WORKFLOW
sed -i \
  -e 's|^  pull_request_target:$|  pull_request:|' \
  -e '/^        with:$/{N;/\n          ref: \${{ github.event.pull_request.head.sha || github.sha }}$/d}' \
  -e "s|actions/setup-node@v4\$|actions/setup-node@$ASSAY_P_SETUP_NODE_SHA # v4.4.0|" \
  -e "s|key: npm-\${{ runner.os }}\$|key: npm-\${{ runner.os }}-\${{ hashFiles('package-lock.json') }}|" \
  -e 's|run: npm run test:unit 2>&1 \| tee test-report.txt|shell: bash\n        run: npm test 2>\&1 \| tee test-report.txt|' \
  -e "s|^    needs: unit-tests\$|    needs: test\n    if: github.event_name == 'push' \&\& github.ref == 'refs/heads/main'|" \
  -e 's|^         env:$|        env:|' \
  "$wf"
yamllint -d relaxed "$wf" >/dev/null
git commit -q -am "ci: repair the pipeline"
git push -q origin main 2>/dev/null || echo "push refused: main is protected"
