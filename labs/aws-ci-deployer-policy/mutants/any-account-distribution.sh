#!/bin/sh
# Near miss, on top of the reference solution: the distribution's account written as *, so CI may invalidate a
# distribution with that id in any account.
set -eu
sed -i 's|arn:aws:cloudfront::111122223333:distribution/|arn:aws:cloudfront::*:distribution/|g' /root/deployer/policy.json
grep -q 'cloudfront::\*:distribution' /root/deployer/policy.json
