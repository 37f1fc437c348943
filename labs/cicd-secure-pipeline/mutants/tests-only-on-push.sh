#!/bin/sh
# Near miss, on top of the reference solution: the test job only runs for pushes, so a pull request is merged
# untested (the workflow still triggers on pull requests).
set -eu
f=/root/shop/.github/workflows/ci.yml
perl -0pi -e "s/  test:\n    runs-on: ubuntu-latest\n/  test:\n    if: github.event_name == 'push'\n    runs-on: ubuntu-latest\n/" "$f"
grep -q "^    if: github.event_name == 'push'\$" "$f"
