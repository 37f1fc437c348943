#!/bin/sh
# Near miss, on top of the reference solution: the image job lost its guard. The deploy job has none of its own
# and needs the image job, so both now run for every pull request.
set -eu
sed -i "/^    if: github.event_name == 'push' && github.ref == 'refs\/heads\/main'\$/d" /root/shop/.github/workflows/ci.yml
if grep -q "refs/heads/main'" /root/shop/.github/workflows/ci.yml; then exit 1; fi
