#!/bin/sh
# Near miss, on top of the reference solution: the deploy job uses stored keys instead of OIDC.
set -eu
perl -0pi -e 's/          role-to-assume: arn:aws:iam::111122223333:role\/shop-deploy\n          aws-region: eu-west-1\n      - run: \.\/deploy\.sh/          aws-access-key-id: \$\{\{ secrets.AWS_ACCESS_KEY_ID \}\}\n          aws-secret-access-key: \$\{\{ secrets.AWS_SECRET_ACCESS_KEY \}\}\n          aws-region: eu-west-1\n      - run: .\/deploy.sh/' \
  /root/shop/.github/workflows/ci.yml
grep -q 'secrets.AWS_SECRET_ACCESS_KEY' /root/shop/.github/workflows/ci.yml
