#!/bin/sh
# The reference solution, the smallest repair of each fault: pull_request again (no pull_request_target, no
# checkout of the PR head), deploy gated on pushes to main and waiting for the renamed test job, npm test instead
# of the removed test:unit script, shell: bash so the tee keeps pipefail, setup-node pinned by SHA, the cache
# keyed on the lockfile, the env block indented under its step. Committed on the review branch and pushed.
set -eu
cd /root/flow-lint
wf=.github/workflows/$ASSAY_P_WORKFLOW
git switch -q -c "$ASSAY_P_BRANCH"
cat > "$wf" <<'YAML'
name: flow-lint
on:
  push:
    branches: [main]
  pull_request:
    branches: [main]

permissions:
  contents: read

concurrency:
  group: flow-lint-${{ github.ref }}
  cancel-in-progress: ${{ github.ref != 'refs/heads/main' }}

jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683 # v4.2.2
      - uses: actions/setup-node@@SETUP_NODE_SHA@ # v4.4.0
        with:
          node-version: 20
      - uses: actions/cache@5a3ec84eff668545956fd18022155c47e93e2684 # v4.2.3
        with:
          path: ~/.npm
          key: npm-${{ runner.os }}-${{ hashFiles('package-lock.json') }}
          restore-keys: npm-${{ runner.os }}-
      - run: npm ci
      - name: Unit tests
        shell: bash # bash -eo pipefail: a failing test fails the step, tee or not
        run: npm test 2>&1 | tee test-report.txt
      - uses: actions/upload-artifact@ea165f8d65b6e75b540449e92b4886f43607fa02 # v4.6.2
        if: always()
        with:
          name: test-report
          path: test-report.txt

  deploy:
    needs: test
    if: github.event_name == 'push' && github.ref == 'refs/heads/main'
    runs-on: ubuntu-latest
    permissions:
      contents: read
      id-token: write
    steps:
      - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683 # v4.2.2
      - uses: aws-actions/configure-aws-credentials@e3dd6a429d7300a6a4c196c26e071d42e0343502 # v4.2.1
        with:
          role-to-assume: arn:aws:iam::111122223333:role/flow-lint-deploy
          aws-region: eu-west-1
      - id: ecr
        uses: aws-actions/amazon-ecr-login@062b18b96a7aff071d4dc91bc00c4c1a7945b076 # v2.0.1
      - name: Build and push the image
        run: ./scripts/publish-image.sh "${{ steps.ecr.outputs.registry }}/flow-lint:${{ github.sha }}"
      - name: Roll out on the platform
        run: ./scripts/rollout.sh "${{ steps.ecr.outputs.registry }}/flow-lint:${{ github.sha }}"
        env:
          FLOWFUSE_API_TOKEN: ${{ secrets.FLOWFUSE_API_TOKEN }}
YAML
# the setup-node v4.4.0 commit docs/ci-policy.md approves
sed -i "s/@SETUP_NODE_SHA@/$ASSAY_P_SETUP_NODE_SHA/" "$wf"
yamllint -d relaxed "$wf" >/dev/null
npm test >/dev/null 2>&1
git commit -q -am "ci: repair the pipeline

- the workflow parses again (the rollout step's env was mis-indented)
- deploy needs test, the job's new name
- npm test: test:unit no longer exists; shell: bash keeps pipefail, so the
  tee can no longer hide a failing suite
- pull_request instead of pull_request_target, no checkout of the PR head,
  deploy only on pushes to main: fork code never gets the role or the token
- setup-node pinned by SHA again (docs/ci-policy.md)
- the npm cache is keyed on package-lock.json"
git push -q -u origin "$ASSAY_P_BRANCH"
