#!/bin/sh
# Near miss, on top of the reference solution: the bucket policy lets the CloudFront service read, but for any
# distribution in any account (no AWS:SourceArn condition).
set -eu
perl -0pi -e 's/\n    condition \{\n      test     = "StringEquals"\n      variable = "AWS:SourceArn"\n      values   = \[aws_cloudfront_distribution.site.arn\]\n    \}//' /root/infra/main.tf
if grep -q 'AWS:SourceArn' /root/infra/main.tf; then exit 1; fi
