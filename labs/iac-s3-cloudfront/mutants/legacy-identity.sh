#!/bin/sh
# Near miss, on top of the reference solution: the origin keeps a legacy origin access identity beside the origin
# access control.
set -eu
perl -0pi -e 's/(    origin_access_control_id = aws_cloudfront_origin_access_control.site.id\n)/$1    s3_origin_config {\n      origin_access_identity = aws_cloudfront_origin_access_identity.site.cloudfront_access_identity_path\n    }\n/' /root/infra/main.tf
cat >> /root/infra/main.tf <<'TF'

resource "aws_cloudfront_origin_access_identity" "site" {
  comment = "legacy access for the site bucket"
}
TF
grep -q 's3_origin_config' /root/infra/main.tf
