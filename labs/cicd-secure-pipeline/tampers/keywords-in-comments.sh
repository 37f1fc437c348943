#!/bin/sh
# Tamper: rewrite nothing; append, as comments, the words a text check would look for in a safe pipeline.
set -eu
cat >> /root/shop/.github/workflows/ci.yml <<'YAML'
# on: [pull_request, push]
# permissions: {contents: read}
# concurrency: ci
# jobs:
#   test:
#     steps:
#       - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683
#       - uses: actions/setup-node@39370e3970a6d050c480ffad4ff0ed4d3fdee5af
#         with: {cache: npm}
#   deploy:
#     needs: test
#     if: github.ref == 'refs/heads/main'
#     permissions: {id-token: write}
#       - uses: aws-actions/configure-aws-credentials@e3dd6a429d7300a6a4c196c26e071d42e0343502
#         with: {role-to-assume: arn:aws:iam::111122223333:role/shop-deploy}
YAML
