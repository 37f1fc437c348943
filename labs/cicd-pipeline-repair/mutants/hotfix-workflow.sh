#!/bin/sh
# Near miss, on top of the reference solution: the pipeline's workflow is right, but a second workflow ships hotfix branches to
# production with the deploy role. GitHub runs every workflow in .github/workflows, so deploys no longer come
# from main only.
set -eu
cd /root/flow-lint
cat > .github/workflows/hotfix.yml <<'YAML'
name: hotfix
on:
  push:
    branches: ['hotfix/**']
permissions:
  contents: read
  id-token: write
jobs:
  ship:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683 # v4.2.2
      - uses: aws-actions/configure-aws-credentials@e3dd6a429d7300a6a4c196c26e071d42e0343502 # v4.2.1
        with:
          role-to-assume: arn:aws:iam::111122223333:role/flow-lint-deploy
          aws-region: eu-west-1
      - id: ecr
        uses: aws-actions/amazon-ecr-login@062b18b96a7aff071d4dc91bc00c4c1a7945b076 # v2.0.1
      - run: ./scripts/publish-image.sh "${{ steps.ecr.outputs.registry }}/flow-lint:${{ github.sha }}"
YAML
yamllint -d relaxed .github/workflows/hotfix.yml >/dev/null
git add .github/workflows/hotfix.yml
git commit -q -m "ci: ship hotfix branches without waiting for main"
git push -q origin "$ASSAY_P_BRANCH"
