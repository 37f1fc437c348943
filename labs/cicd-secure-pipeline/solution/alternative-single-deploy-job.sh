#!/bin/sh
# A correct alternative: no top-level permissions at all (each job declares its own), actions/cache for npm,
# concurrency on the deploy job only, one deploy job that needs the tests directly.
set -eu
cat > /root/shop/.github/workflows/ci.yml <<'YAML'
name: ci
"on":
  pull_request:
    branches: [main]
  push:
    branches: [main]
permissions: {}
jobs:
  test:
    runs-on: ubuntu-latest
    permissions:
      contents: read
    steps:
      - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683
      - uses: actions/cache@5a3ec84eff668545956fd18022155c47e93e2684
        with:
          path: ~/.npm
          key: npm-${{ hashFiles('package-lock.json') }}
      - uses: actions/setup-node@39370e3970a6d050c480ffad4ff0ed4d3fdee5af
        with: {node-version: 22}
      - run: npm ci
      - run: npm test
  deploy:
    needs: [test]
    if: github.ref == 'refs/heads/main'
    runs-on: ubuntu-latest
    concurrency: deploy-production
    permissions:
      contents: read
      id-token: write
    steps:
      - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683
      - uses: aws-actions/configure-aws-credentials@e3dd6a429d7300a6a4c196c26e071d42e0343502
        with: {role-to-assume: "arn:aws:iam::111122223333:role/shop-deploy", aws-region: eu-west-1}
      - run: docker build -t "shop:$GITHUB_SHA" . && ./deploy.sh
YAML
