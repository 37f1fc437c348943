#!/bin/sh
# A correct alternative that restructures rather than patches: no token by default (permissions: {}) and grants
# per job; setup-node's own npm cache (keyed on the lockfile) instead of actions/cache; no pipe at all: node's
# test runner writes the spec report to the log and a TAP report to a file; deploy gated on the ref name, bound
# to the production environment, its token handed to the one step that needs it. Branch made from origin/main,
# pushed as HEAD.
set -eu
cd /root/flow-lint
wf=.github/workflows/$ASSAY_P_WORKFLOW
git checkout -q -b "$ASSAY_P_BRANCH" origin/main

cat > "$wf" <<'YAML'
name: flow-lint

"on":
  pull_request:
    branches: [main]
  push:
    branches: [main]

permissions: {}

concurrency:
  group: flow-lint-${{ github.ref }}
  cancel-in-progress: ${{ github.event_name == 'pull_request' }}

jobs:
  test:
    runs-on: ubuntu-latest
    permissions:
      contents: read
    steps:
      - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683  # v4.2.2
      - uses: actions/setup-node@@SETUP_NODE_SHA@  # v4.4.0
        with:
          node-version: 20
          cache: npm
          cache-dependency-path: package-lock.json
      - run: npm ci
      - name: Unit tests
        run: >-
          npm test --
          --test-reporter=spec --test-reporter-destination=stdout
          --test-reporter=tap --test-reporter-destination=test-report.tap
      - uses: actions/upload-artifact@ea165f8d65b6e75b540449e92b4886f43607fa02  # v4.6.2
        if: ${{ !cancelled() }}
        with:
          name: test-report
          path: test-report.tap

  deploy:
    if: ${{ github.event_name == 'push' && github.ref_name == 'main' }}
    needs: [test]
    runs-on: ubuntu-latest
    environment: production
    permissions:
      contents: read
      id-token: write
    steps:
      - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683  # v4.2.2
      - uses: aws-actions/configure-aws-credentials@e3dd6a429d7300a6a4c196c26e071d42e0343502  # v4.2.1
        with:
          role-to-assume: arn:aws:iam::111122223333:role/flow-lint-deploy
          aws-region: eu-west-1
      - id: ecr
        uses: aws-actions/amazon-ecr-login@062b18b96a7aff071d4dc91bc00c4c1a7945b076  # v2.0.1
      - name: Build, push and roll out
        env:
          IMAGE: ${{ steps.ecr.outputs.registry }}/flow-lint:${{ github.sha }}
          FLOWFUSE_API_TOKEN: ${{ secrets.FLOWFUSE_API_TOKEN }}
        run: ./scripts/publish-image.sh "$IMAGE" && ./scripts/rollout.sh "$IMAGE"
YAML
# the setup-node v4.4.0 commit docs/ci-policy.md approves
sed -i "s/@SETUP_NODE_SHA@/$ASSAY_P_SETUP_NODE_SHA/" "$wf"
yamllint -d relaxed "$wf" >/dev/null
git add "$wf"
git commit -q -m "ci: make the pipeline valid, honest and safe again"
git push -q origin HEAD
