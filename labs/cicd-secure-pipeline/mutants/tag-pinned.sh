#!/bin/sh
# Near miss, on top of the reference solution: one action pinned by tag, not by commit SHA.
set -eu
sed -i '0,/actions\/checkout@11bd71901bbe5b1630ceea73d27597364c9af683 # v4.2.2/s//actions\/checkout@v4/' \
  /root/shop/.github/workflows/ci.yml
grep -q 'actions/checkout@v4$' /root/shop/.github/workflows/ci.yml
