#!/bin/sh
# Tamper: two Statement keys in one document, the first least-privilege-looking, the second allowing everything,
# betting that a lenient JSON reader keeps one and IAM the other. IAM refuses a key given twice.
set -eu
cat > /root/deployer/policy.json <<'JSON'
{
  "Version": "2012-10-17",
  "Statement": [{"Effect": "Allow", "Action": "s3:PutObject", "Resource": "arn:aws:s3:::shop-site/releases/*"}],
  "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]
}
JSON
