#!/bin/sh
# Near miss, on top of the reference solution: listing is not limited to releases/.
set -eu
perl -0pi -e 's/"Resource": "arn:aws:s3:::shop-site",\n\s*"Condition": \{"StringLike": \{"s3:prefix": \["releases\/", "releases\/\*"\]\}\}/"Resource": "arn:aws:s3:::shop-site"/' \
  /root/deployer/policy.json
! grep -q s3:prefix /root/deployer/policy.json
