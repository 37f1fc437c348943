#!/bin/sh
# A correct alternative: the reference's resources written another way: public access settings from one local,
# versioning status and environment from terraform.tfvars, tags merged per resource from a local, the policy
# document with an ArnLike condition, AES256, the legacy resources removed with count = 0 rather than deleted; the
# bucket, log bucket, domain and certificate from terraform.tfvars.
set -eu
cat > /root/infra/main.tf <<'TF'
provider "aws" {
  region = var.region
}

locals {
  block_all = true
  tags = {
    Project     = "shop"
    Environment = var.environment
  }
}

resource "aws_s3_bucket" "site" {
  bucket = var.bucket
  tags   = merge(local.tags, { Name = "${var.name}-site" })
}

resource "aws_s3_bucket_acl" "site" {
  count  = 0
  bucket = aws_s3_bucket.site.id
  acl    = "public-read"
}

resource "aws_s3_bucket_website_configuration" "site" {
  count  = 0
  bucket = aws_s3_bucket.site.id
  index_document {
    suffix = "index.html"
  }
}

resource "aws_s3_bucket_public_access_block" "site" {
  bucket                  = aws_s3_bucket.site.id
  block_public_acls       = local.block_all
  block_public_policy     = local.block_all
  ignore_public_acls      = local.block_all
  restrict_public_buckets = local.block_all
}

resource "aws_s3_bucket_versioning" "site" {
  bucket = aws_s3_bucket.site.id
  versioning_configuration {
    status = var.versioning
  }
}

resource "aws_s3_bucket_server_side_encryption_configuration" "site" {
  bucket = aws_s3_bucket.site.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "AES256"
    }
  }
}

resource "aws_s3_bucket_logging" "site" {
  bucket        = aws_s3_bucket.site.id
  target_bucket = var.log_bucket
  target_prefix = "${var.name}/"
}

resource "aws_cloudfront_origin_access_control" "site" {
  name                              = "${var.name}-${var.environment}"
  origin_access_control_origin_type = "s3"
  signing_behavior                  = "always"
  signing_protocol                  = "sigv4"
}

resource "aws_cloudfront_distribution" "site" {
  enabled             = true
  default_root_object = "index.html"
  aliases             = [var.domain]
  tags                = merge(local.tags, { Name = "${var.name}-cdn" })

  origin {
    domain_name              = aws_s3_bucket.site.bucket_regional_domain_name
    origin_id                = "site"
    origin_access_control_id = aws_cloudfront_origin_access_control.site.id
  }

  default_cache_behavior {
    target_origin_id       = "site"
    viewer_protocol_policy = "https-only"
    allowed_methods        = ["GET", "HEAD"]
    cached_methods         = ["GET", "HEAD"]
    forwarded_values {
      query_string = false
      cookies {
        forward = "none"
      }
    }
  }

  restrictions {
    geo_restriction {
      restriction_type = "none"
    }
  }

  viewer_certificate {
    acm_certificate_arn      = var.certificate_arn
    ssl_support_method       = "sni-only"
    minimum_protocol_version = "TLSv1.2_2021"
  }
}

data "aws_iam_policy_document" "cloudfront_reads" {
  statement {
    sid       = "CloudFrontReadsObjects"
    effect    = "Allow"
    actions   = ["s3:GetObject"]
    resources = ["${aws_s3_bucket.site.arn}/*"]
    principals {
      type        = "Service"
      identifiers = ["cloudfront.amazonaws.com"]
    }
    condition {
      test     = "ArnLike"
      variable = "AWS:SourceArn"
      values   = [aws_cloudfront_distribution.site.arn]
    }
  }
}

resource "aws_s3_bucket_policy" "site" {
  bucket = aws_s3_bucket.site.id
  policy = data.aws_iam_policy_document.cloudfront_reads.json
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

variable "environment" {
  type = string
}

variable "versioning" {
  type    = string
  default = "Suspended"
}

variable "bucket" {
  type = string
}

variable "log_bucket" {
  type = string
}

variable "domain" {
  type = string
}

variable "certificate_arn" {
  type = string
}
TF
cat > /root/infra/terraform.tfvars <<TF
environment     = "prod"
versioning      = "Enabled"
bucket          = "$ASSAY_P_BUCKET"
log_bucket      = "$ASSAY_P_LOG_BUCKET"
domain          = "$ASSAY_P_DOMAIN"
certificate_arn = "$ASSAY_P_CERTIFICATE_ARN"
TF
