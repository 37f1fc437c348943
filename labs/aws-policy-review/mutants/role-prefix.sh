#!/bin/sh
# Near miss, on top of the reference solution: PassRole on role/lambda-dev-*, which also covers any role whose name
# starts that way (lambda-dev-exec-admin).
set -eu
sed -i 's|arn:aws:iam::111122223333:role/lambda-dev-exec"|arn:aws:iam::111122223333:role/lambda-dev-*"|' \
  /root/review/policies/dev-deploy.json
grep -q 'role/lambda-dev-\*' /root/review/policies/dev-deploy.json
