#!/bin/sh
# Tamper: writes the two escalation names into FINDINGS.md and fixes nothing.
set -eu
printf '# Findings\n\n1. iam:PassRole\n2. iam:CreatePolicyVersion\n' > /root/review/FINDINGS.md
