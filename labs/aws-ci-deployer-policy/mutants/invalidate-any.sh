#!/bin/sh
# Near miss: invalidations on every distribution.
set -eu
cat > /root/deployer/policy.json <<'JSON'
{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Sid": "ReleasesObjects",
      "Effect": "Allow",
      "Action": ["s3:PutObject", "s3:GetObject"],
      "Resource": "arn:aws:s3:::shop-site/releases/*"
    },
    {
      "Sid": "ListReleases",
      "Effect": "Allow",
      "Action": "s3:ListBucket",
      "Resource": "arn:aws:s3:::shop-site",
      "Condition": {"StringLike": {"s3:prefix": ["releases/", "releases/*"]}}
    },
    {
      "Sid": "InvalidateTheShop",
      "Effect": "Allow",
      "Action": ["cloudfront:CreateInvalidation", "cloudfront:GetInvalidation"],
      "Resource": "*"
    }
  ]
}
JSON
