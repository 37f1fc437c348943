#!/bin/sh
# A correct alternative that triggers on every push (tests for every branch), pull requests and manual runs, and
# keeps deploys to main with a guard on the ref and the event; the cache restored and saved in two halves keyed on
# the lockfile; permissions only on the jobs; the deploy serialised, never cancelled.
set -eu
cat > /root/shop/.github/workflows/ci.yml <<'YAML'
name: ci
on: [push, pull_request, workflow_dispatch]
jobs:
  test:
    name: unit tests
    runs-on: ubuntu-latest
    permissions:
      contents: read
    steps:
      - uses: "actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683"
      - uses: "actions/setup-node@39370e3970a6d050c480ffad4ff0ed4d3fdee5af"
        with:
          node-version: 20
      - id: npm-cache
        uses: "actions/cache/restore@5a3ec84eff668545956fd18022155c47e93e2684"
        with:
          path: ~/.npm
          key: npm-${{ hashFiles('package-lock.json') }}
      - run: |
          npm ci
          npm test
      - if: steps.npm-cache.outputs.cache-hit != 'true'
        uses: "actions/cache/save@5a3ec84eff668545956fd18022155c47e93e2684"
        with:
          path: ~/.npm
          key: npm-${{ hashFiles('package-lock.json') }}
  deploy:
    runs-on: ubuntu-latest
    needs: [test]
    if: ${{ github.ref == 'refs/heads/main' && github.event_name != 'pull_request' }}
    concurrency:
      group: production
      cancel-in-progress: false
    permissions:
      id-token: write
      contents: read
    steps:
      - uses: "actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683"
      - uses: "aws-actions/configure-aws-credentials@e3dd6a429d7300a6a4c196c26e071d42e0343502"
        with:
          role-to-assume: arn:aws:iam::111122223333:role/shop-deploy
          aws-region: eu-west-1
          role-session-name: shop-${{ github.run_id }}
      - run: ./deploy.sh
YAML
yamllint -d relaxed /root/shop/.github/workflows/ci.yml >/dev/null
