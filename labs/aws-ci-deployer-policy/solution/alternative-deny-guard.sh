#!/bin/sh
# A correct alternative: one allow per service with a StringEquals on the exact prefix, and an explicit deny
# outside releases/ as a guard against a later broad grant.
set -eu
cat > /root/deployer/policy.json <<'JSON'
{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": ["s3:GetObject", "s3:PutObject"],
      "Resource": ["arn:aws:s3:::shop-site/releases/*"]
    },
    {
      "Effect": "Allow",
      "Action": ["s3:ListBucket"],
      "Resource": ["arn:aws:s3:::shop-site"],
      "Condition": {"StringEquals": {"s3:prefix": "releases/"}}
    },
    {
      "Effect": "Deny",
      "Action": "s3:*",
      "NotResource": ["arn:aws:s3:::shop-site/releases/*", "arn:aws:s3:::shop-site"]
    },
    {
      "Effect": "Allow",
      "Action": "cloudfront:*Invalidation",
      "Resource": "arn:aws:cloudfront::111122223333:distribution/E2QWRUHAPOMQZL"
    }
  ]
}
JSON
