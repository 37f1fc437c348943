#!/bin/sh
# A correct alternative with another job structure and style: four-space indentation, the image built in its own
# job (test -> image -> deploy, each deploy-side job gated on pushes to main), needs as block lists, pipefail set
# in the step's script instead of through shell: bash, actions/cache keyed on every lockfile in the tree.
set -eu
cd /root/flow-lint
wf=.github/workflows/$ASSAY_P_WORKFLOW
git checkout -q -b "$ASSAY_P_BRANCH"
cat > "$wf" <<'YAML'
name: flow-lint
on:
    push:
        branches:
            - main
    pull_request:
        branches:
            - main

permissions:
    contents: read

concurrency:
    group: flow-lint-${{ github.ref }}
    cancel-in-progress: ${{ github.ref != 'refs/heads/main' }}

jobs:
    test:
        runs-on: ubuntu-latest
        steps:
            -   uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683 # v4.2.2
            -   uses: actions/setup-node@@SETUP_NODE_SHA@ # v4.4.0
                with:
                    node-version: 20
            -   uses: actions/cache@5a3ec84eff668545956fd18022155c47e93e2684 # v4.2.3
                with:
                    path: ~/.npm
                    key: ${{ runner.os }}-npm-${{ hashFiles('**/package-lock.json') }}
            -   name: Install and test
                run: |
                    set -o pipefail
                    npm ci
                    npm test 2>&1 | tee test-report.txt
            -   uses: actions/upload-artifact@ea165f8d65b6e75b540449e92b4886f43607fa02 # v4.6.2
                if: always()
                with:
                    name: test-report
                    path: test-report.txt

    image:
        if: github.ref == 'refs/heads/main' && github.event_name == 'push'
        needs:
            - test
        runs-on: ubuntu-latest
        permissions:
            contents: read
            id-token: write
        outputs:
            image: ${{ steps.ref.outputs.image }}
        steps:
            -   uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683 # v4.2.2
            -   uses: aws-actions/configure-aws-credentials@e3dd6a429d7300a6a4c196c26e071d42e0343502 # v4.2.1
                with:
                    role-to-assume: arn:aws:iam::111122223333:role/flow-lint-deploy
                    aws-region: eu-west-1
            -   id: ecr
                uses: aws-actions/amazon-ecr-login@062b18b96a7aff071d4dc91bc00c4c1a7945b076 # v2.0.1
            -   id: ref
                env:
                    IMAGE: ${{ steps.ecr.outputs.registry }}/flow-lint:${{ github.sha }}
                run: |
                    ./scripts/publish-image.sh "$IMAGE"
                    echo "image=$IMAGE" >> "$GITHUB_OUTPUT"

    deploy:
        needs:
            - image
        # the job holding the platform token checks the ref itself too
        if: github.ref == 'refs/heads/main' && github.event_name == 'push'
        runs-on: ubuntu-latest
        permissions:
            contents: read
        steps:
            -   uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683 # v4.2.2
            -   name: Roll out on the platform
                env:
                    FLOWFUSE_API_TOKEN: ${{ secrets.FLOWFUSE_API_TOKEN }}
                    IMAGE: ${{ needs.image.outputs.image }}
                run: ./scripts/rollout.sh "$IMAGE"
YAML
# the setup-node v4.4.0 commit docs/ci-policy.md approves
sed -i "s/@SETUP_NODE_SHA@/$ASSAY_P_SETUP_NODE_SHA/" "$wf"
yamllint -d relaxed "$wf" >/dev/null
git commit -q -am "ci: repair the pipeline; build the image in its own job"
git push -q origin "$ASSAY_P_BRANCH"
