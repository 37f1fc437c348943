#!/bin/sh
# Near miss, on top of the reference solution: invalidations on every distribution.
set -eu
sed -i 's|"Resource": "arn:aws:cloudfront::111122223333:distribution/E2QWRUHAPOMQZL"|"Resource": "*"|' /root/deployer/policy.json
