#!/bin/sh
# Plants the shop's repository with the pipeline a colleague wrote in a hurry: push only, one job, actions by
# tag, write-all, long-lived AWS keys from secrets, a secret echoed, nothing cached.
set -eu
mkdir -p /root/shop/.github/workflows
cd /root/shop
cat > package.json <<'JSON'
{"name": "shop", "version": "1.4.0", "scripts": {"test": "node --test", "build": "node build.js"}}
JSON
cat > .github/workflows/ci.yml <<'YAML'
name: ci
on:
  push:
permissions: write-all
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
        with:
          node-version: 20
      - run: npm ci && npm test
      - run: docker build -t shop:${{ github.sha }} .
      - uses: aws-actions/configure-aws-credentials@v4
        with:
          aws-access-key-id: ${{ secrets.AWS_ACCESS_KEY_ID }}
          aws-secret-access-key: ${{ secrets.AWS_SECRET_ACCESS_KEY }}
          aws-region: eu-west-1
      - run: echo "using key ${{ secrets.AWS_ACCESS_KEY_ID }}" && ./deploy.sh
YAML
cat > ACTIONS.txt <<'TXT'
Commit SHAs of the actions this repository may use (what `git ls-remote` gave for each tag; the lab is offline):
  actions/checkout                         v4.2.2  11bd71901bbe5b1630ceea73d27597364c9af683
  actions/setup-node                       v4.4.0  39370e3970a6d050c480ffad4ff0ed4d3fdee5af
  actions/cache                            v4.2.3  5a3ec84eff668545956fd18022155c47e93e2684
  aws-actions/configure-aws-credentials    v4.2.1  e3dd6a429d7300a6a4c196c26e071d42e0343502
  docker/build-push-action                 v6.18.0 263435318d21b8e681c14492fe198d362a7d2c83
The deploy role is arn:aws:iam::111122223333:role/shop-deploy (it trusts GitHub's OIDC provider).
TXT
