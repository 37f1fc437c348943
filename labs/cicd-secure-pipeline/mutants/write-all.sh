#!/bin/sh
# Near miss, on top of the reference solution: top-level permissions write-all.
set -eu
perl -0pi -e 's/\npermissions:\n  contents: read\nconcurrency:/\npermissions: write-all\nconcurrency:/' /root/shop/.github/workflows/ci.yml
grep -q '^permissions: write-all$' /root/shop/.github/workflows/ci.yml
