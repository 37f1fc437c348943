#!/bin/sh
# A correct alternative: one statement per step of deploy.sh, the exact listing prefix (StringEquals), action names
# in another case (IAM compares them without case), and a Deny for any request not sent over TLS.
set -eu
cat > /root/deployer/policy.json <<'JSON'
{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Sid": "ListTheReleasesFolder",
      "Effect": "Allow",
      "Action": "s3:ListBucket",
      "Resource": "arn:aws:s3:::shop-site",
      "Condition": {"StringEquals": {"s3:prefix": ["releases/"]}}
    },
    {
      "Sid": "UploadReleases",
      "Effect": "Allow",
      "Action": "s3:putobject",
      "Resource": "arn:aws:s3:::shop-site/releases/*"
    },
    {
      "Sid": "ReadBackAReleaseFile",
      "Effect": "Allow",
      "Action": "S3:GetObject",
      "Resource": "arn:aws:s3:::shop-site/releases/*"
    },
    {
      "Sid": "InvalidateTheShopCdn",
      "Effect": "Allow",
      "Action": ["cloudfront:CreateInvalidation", "cloudfront:GetInvalidation"],
      "Resource": "arn:aws:cloudfront::111122223333:distribution/E2QWRUHAPOMQZL"
    },
    {
      "Sid": "OnlyOverTls",
      "Effect": "Deny",
      "Action": "*",
      "Resource": "*",
      "Condition": {"Bool": {"aws:SecureTransport": "false"}}
    }
  ]
}
JSON
