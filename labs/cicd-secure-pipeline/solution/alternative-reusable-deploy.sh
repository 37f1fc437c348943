#!/bin/sh
# A correct alternative split across files: a local composite action sets up Node with setup-node's npm cache, the
# deploy job (guarded by the event: pushes only ever start this workflow for main) calls a reusable workflow that
# assumes the role; no token by default, grants per job; one concurrency group per ref, written as a string.
set -eu
cd /root/shop
mkdir -p .github/actions/node
cat > .github/actions/node/action.yml <<'YAML'
name: node
description: Node.js 22 with the npm cache
runs:
  using: composite
  steps:
    - uses: actions/setup-node@39370e3970a6d050c480ffad4ff0ed4d3fdee5af
      with:
        node-version: "22"
        cache: npm
YAML
cat > .github/workflows/ci.yml <<'YAML'
name: ci
on:
  push:
    branches:
      - main
  pull_request: {}
permissions: {}
concurrency: shop-${{ github.ref }}
jobs:
  test:
    runs-on: ubuntu-latest
    permissions:
      contents: read
    steps:
      - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683
      - uses: ./.github/actions/node
      - run: npm ci
      - run: npm test
  deploy:
    needs: test
    if: github.event_name == 'push'
    permissions:
      contents: read
      id-token: write
    uses: ./.github/workflows/deploy.yml
YAML
cat > .github/workflows/deploy.yml <<'YAML'
name: deploy
on:
  workflow_call: {}
jobs:
  release:
    runs-on: ubuntu-latest
    permissions:
      contents: read
      id-token: write
    steps:
      - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683
      - name: Assume the deploy role
        uses: aws-actions/configure-aws-credentials@e3dd6a429d7300a6a4c196c26e071d42e0343502
        with:
          role-to-assume: arn:aws:iam::111122223333:role/shop-deploy
          aws-region: eu-west-1
      - run: docker build -t "shop:${GITHUB_SHA}" . && ./deploy.sh
YAML
yamllint -d relaxed .github/workflows .github/actions >/dev/null
