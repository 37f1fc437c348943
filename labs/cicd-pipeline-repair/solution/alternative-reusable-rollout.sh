#!/bin/sh
# A correct alternative that moves the rollout into a reusable workflow: the pipeline's workflow keeps the test and deploy jobs,
# and deploy (guarded itself, waiting for test) calls .github/workflows/rollout.yml, handing it the one secret it
# needs. bash is every run step's default shell (pipefail), the cache key hashes every lockfile.
set -eu
cd /root/flow-lint
wf=.github/workflows/$ASSAY_P_WORKFLOW
git switch -q -c "$ASSAY_P_BRANCH"
cat > "$wf" <<'YAML'
name: flow-lint
on:
  pull_request:
  push:
    branches: [main]
permissions:
  contents: read
defaults:
  run:
    shell: bash
concurrency:
  group: flow-lint-${{ github.ref }}
  cancel-in-progress: ${{ github.event_name == 'pull_request' }}
jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683
      - uses: actions/setup-node@@SETUP_NODE_SHA@
        with:
          node-version: 20
      - uses: actions/cache@5a3ec84eff668545956fd18022155c47e93e2684
        with:
          path: ~/.npm
          key: npm-${{ runner.os }}-${{ hashFiles('**/package-lock.json') }}
      - run: npm ci
      - run: npm test 2>&1 | tee test-report.txt
  deploy:
    needs: test
    if: ${{ github.event_name == 'push' && github.ref == 'refs/heads/main' }}
    permissions:
      contents: read
      id-token: write
    uses: ./.github/workflows/rollout.yml
    secrets:
      platform-token: ${{ secrets.FLOWFUSE_API_TOKEN }}
YAML
# the setup-node v4.4.0 commit docs/ci-policy.md approves
sed -i "s/@SETUP_NODE_SHA@/$ASSAY_P_SETUP_NODE_SHA/" "$wf"
cat > .github/workflows/rollout.yml <<'YAML'
name: rollout
on:
  workflow_call:
    secrets:
      platform-token:
        required: true
permissions:
  contents: read
  id-token: write
jobs:
  rollout:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683
      - uses: aws-actions/configure-aws-credentials@e3dd6a429d7300a6a4c196c26e071d42e0343502
        with:
          role-to-assume: arn:aws:iam::111122223333:role/flow-lint-deploy
          aws-region: eu-west-1
      - id: ecr
        uses: aws-actions/amazon-ecr-login@062b18b96a7aff071d4dc91bc00c4c1a7945b076
      - env:
          IMAGE: ${{ steps.ecr.outputs.registry }}/flow-lint:${{ github.sha }}
          FLOWFUSE_API_TOKEN: ${{ secrets.platform-token }}
        run: |
          ./scripts/publish-image.sh "$IMAGE"
          ./scripts/rollout.sh "$IMAGE"
YAML
yamllint -d relaxed "$wf" .github/workflows/rollout.yml >/dev/null
npm test >/dev/null 2>&1
git add .github/workflows
git commit -q -m "ci: repair the pipeline; roll out through a reusable workflow"
git push -q -u origin "$ASSAY_P_BRANCH"
