#!/bin/sh
# A correct alternative: a KMS key made in the module, the bucket policy written with jsonencode, default tags from
# a variable, an extra cache behaviour for assets (HTTPS only), files split by concern, the site's names in locals.
set -eu
rm -f /root/infra/*.tf
cat > /root/infra/site.tf <<TF
locals {
  site_bucket     = "$ASSAY_P_BUCKET"
  log_bucket      = "$ASSAY_P_LOG_BUCKET"
  domain          = "$ASSAY_P_DOMAIN"
  certificate_arn = "$ASSAY_P_CERTIFICATE_ARN"
}
TF
cat > /root/infra/providers.tf <<'TF'
provider "aws" {
  region = var.region
  default_tags {
    tags = var.default_tags
  }
}
TF
cat > /root/infra/storage.tf <<'TF'
resource "aws_kms_key" "site" {
  description         = "Encrypts the ${var.name} site bucket"
  enable_key_rotation = true
}

resource "aws_s3_bucket" "site" {
  bucket = local.site_bucket
}

resource "aws_s3_bucket_public_access_block" "site" {
  bucket                  = aws_s3_bucket.site.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_versioning" "site" {
  bucket = aws_s3_bucket.site.id
  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket_server_side_encryption_configuration" "site" {
  bucket = aws_s3_bucket.site.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = aws_kms_key.site.arn
    }
  }
}

resource "aws_s3_bucket_logging" "site" {
  bucket        = aws_s3_bucket.site.id
  target_bucket = local.log_bucket
  target_prefix = "site/"
}

resource "aws_s3_bucket_policy" "site" {
  bucket = aws_s3_bucket.site.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid       = "CloudFrontReads"
        Effect    = "Allow"
        Principal = { Service = "cloudfront.amazonaws.com" }
        Action    = "s3:GetObject"
        Resource  = "${aws_s3_bucket.site.arn}/*"
        Condition = {
          StringEquals = { "AWS:SourceArn" = aws_cloudfront_distribution.site.arn }
        }
      }
    ]
  })
}
TF
cat > /root/infra/cdn.tf <<'TF'
resource "aws_cloudfront_origin_access_control" "site" {
  name                              = "${var.name}-site"
  origin_access_control_origin_type = "s3"
  signing_behavior                  = "always"
  signing_protocol                  = "sigv4"
}

resource "aws_cloudfront_distribution" "site" {
  enabled             = true
  is_ipv6_enabled     = true
  default_root_object = "index.html"
  aliases             = [local.domain]

  origin {
    origin_id                = "site-bucket"
    domain_name              = aws_s3_bucket.site.bucket_regional_domain_name
    origin_access_control_id = aws_cloudfront_origin_access_control.site.id
  }

  default_cache_behavior {
    target_origin_id       = "site-bucket"
    viewer_protocol_policy = "redirect-to-https"
    allowed_methods        = ["GET", "HEAD", "OPTIONS"]
    cached_methods         = ["GET", "HEAD"]
    cache_policy_id        = "658327ea-f89d-4fab-a63d-7e88639e58f6"
  }

  ordered_cache_behavior {
    path_pattern           = "/assets/*"
    target_origin_id       = "site-bucket"
    viewer_protocol_policy = "https-only"
    allowed_methods        = ["GET", "HEAD"]
    cached_methods         = ["GET", "HEAD"]
    cache_policy_id        = "658327ea-f89d-4fab-a63d-7e88639e58f6"
  }

  restrictions {
    geo_restriction {
      restriction_type = "none"
    }
  }

  viewer_certificate {
    acm_certificate_arn      = local.certificate_arn
    ssl_support_method       = "sni-only"
    minimum_protocol_version = "TLSv1.2_2021"
  }
}
TF
cat > /root/infra/variables.tf <<'TF'
variable "region" {
  type    = string
  default = "eu-central-1"
}

variable "name" {
  type = string
}

variable "default_tags" {
  type = map(string)
  default = {
    Project     = "shop"
    Environment = "production"
  }
}
TF
