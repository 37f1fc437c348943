#!/bin/sh
# Tamper: points the origin at an origin access control that no file declares, redirects viewers to HTTPS, and
# adds the protection resources for a bucket that is not declared either, hoping that checks looking for the
# references and settings in the text are satisfied. Terraform would refuse to plan it.
set -eu
f=/root/infra/main.tf
sed -i 's/    origin_id   = "site"/    origin_id   = "site"\n    origin_access_control_id = aws_cloudfront_origin_access_control.site.id/' "$f"
sed -i 's/viewer_protocol_policy = "allow-all"/viewer_protocol_policy = "redirect-to-https"/' "$f"
cat >> "$f" <<'TF'

resource "aws_s3_bucket_public_access_block" "site" {
  bucket                  = aws_s3_bucket.private.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_versioning" "site" {
  bucket = aws_s3_bucket.private.id
  versioning_configuration {
    status = "Enabled"
  }
}
TF
grep -q 'origin_access_control_id' "$f"
