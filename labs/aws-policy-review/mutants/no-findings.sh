#!/bin/sh
# Near miss, on top of the reference solution: both fixed, nothing written down.
set -eu
rm /root/review/FINDINGS.md
