#!/bin/sh
# The reference solution: tests on pull requests and pushes, image and deploy only after the tests and only from
# main, actions pinned by SHA, read-only by default with id-token: write for the deploy job, OIDC to AWS, npm
# cache, one run per ref.
set -eu
cat > /root/shop/.github/workflows/ci.yml <<'YAML'
name: ci
on:
  pull_request:
  push:
    branches: [main]
permissions:
  contents: read
concurrency:
  group: ci-${{ github.ref }}
  cancel-in-progress: true
jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683 # v4.2.2
      - uses: actions/setup-node@39370e3970a6d050c480ffad4ff0ed4d3fdee5af # v4.4.0
        with:
          node-version: 20
          cache: npm
      - run: npm ci && npm test
  image:
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
          role-to-assume: arn:aws:iam::111122223333:role/shop-deploy
          aws-region: eu-west-1
      - run: docker build -t shop:${{ github.sha }} .
  deploy:
    needs: image
    runs-on: ubuntu-latest
    permissions:
      contents: read
      id-token: write
    steps:
      - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683 # v4.2.2
      - uses: aws-actions/configure-aws-credentials@e3dd6a429d7300a6a4c196c26e071d42e0343502 # v4.2.1
        with:
          role-to-assume: arn:aws:iam::111122223333:role/shop-deploy
          aws-region: eu-west-1
      - run: ./deploy.sh
YAML
