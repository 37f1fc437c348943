#!/bin/sh
# A correct alternative: AES256 instead of KMS, tags on each resource instead of default_tags, HTTPS only; the
# bucket's name, the domain and the certificate written into main.tf, the log bucket set in terraform.tfvars.
set -eu
mkdir -p /root/infra
cat > /root/infra/main.tf <<'TF'
# A private S3 bucket served through CloudFront with origin access control.
terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }
}

provider "aws" {
  region = var.region
  
}

locals {
  tags = {
    Project     = "shop"
    Environment = var.environment
  }
}

resource "aws_s3_bucket" "site" {
  bucket = "@BUCKET@"
  tags   = merge(local.tags, { Name = var.name })
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
      sse_algorithm     = "AES256"
      kms_master_key_id = var.kms_key_arn
    }
    bucket_key_enabled = true
  }
}

resource "aws_s3_bucket_public_access_block" "site" {
  bucket                  = aws_s3_bucket.site.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_logging" "site" {
  bucket        = aws_s3_bucket.site.id
  target_bucket = var.log_bucket
  target_prefix = "s3/${var.name}/"
}

resource "aws_cloudfront_origin_access_control" "site" {
  name                              = "${var.name}-oac"
  origin_access_control_origin_type = "s3"
  signing_behavior                  = "always"
  signing_protocol                  = "sigv4"
}

resource "aws_cloudfront_distribution" "site" {
  enabled             = true
  tags = { Project = "shop", Environment = var.environment }
  default_root_object = "index.html"
  aliases             = ["@DOMAIN@"]

  origin {
    domain_name              = aws_s3_bucket.site.bucket_regional_domain_name
    origin_id                = "s3-site"
    origin_access_control_id = aws_cloudfront_origin_access_control.site.id
  }

  default_cache_behavior {
    target_origin_id       = "s3-site"
    viewer_protocol_policy = "https-only"
    allowed_methods        = ["GET", "HEAD"]
    cached_methods         = ["GET", "HEAD"]
    cache_policy_id        = "658327ea-f89d-4fab-a63d-7e88639e58f6"
  }

  logging_config {
    bucket = "${var.log_bucket}.s3.amazonaws.com"
    prefix = "cloudfront/"
  }

  restrictions {
    geo_restriction { restriction_type = "none" }
  }

  viewer_certificate {
    acm_certificate_arn = "@CERTIFICATE_ARN@"
    ssl_support_method  = "sni-only"
  }
}

data "aws_iam_policy_document" "site" {
  statement {
    actions   = ["s3:GetObject"]
    resources = ["${aws_s3_bucket.site.arn}/*"]
    principals {
      type        = "Service"
      identifiers = ["cloudfront.amazonaws.com"]
    }
    condition {
      test     = "StringEquals"
      variable = "AWS:SourceArn"
      values   = [aws_cloudfront_distribution.site.arn]
    }
  }
}

resource "aws_s3_bucket_policy" "site" {
  bucket = aws_s3_bucket.site.id
  policy = data.aws_iam_policy_document.site.json
}
TF
sed -i -e "s|@BUCKET@|$ASSAY_P_BUCKET|" -e "s|@DOMAIN@|$ASSAY_P_DOMAIN|" \
  -e "s|@CERTIFICATE_ARN@|$ASSAY_P_CERTIFICATE_ARN|" /root/infra/main.tf
printf 'log_bucket = "%s"\n' "$ASSAY_P_LOG_BUCKET" > /root/infra/terraform.tfvars
cat > /root/infra/variables.tf <<'TF'
variable "region" {
  type        = string
  description = "AWS region of the bucket"
  default     = "eu-central-1"
}

variable "name" {
  type        = string
  description = "Site name, used in resource names"
  validation {
    condition     = can(regex("^[a-z0-9-]{3,40}$", var.name))
    error_message = "Lower-case letters, digits and dashes, 3 to 40 characters."
  }
}

variable "environment" {
  type    = string
  default = "prod"
}

variable "kms_key_arn" {
  type = string
}

variable "log_bucket" {
  type = string
}

variable "allowed_countries" {
  type    = list(string)
  default = []
}

/* Outputs live here too, to keep the example short. */
output "distribution_domain" {
  value = aws_cloudfront_distribution.site.domain_name
}
TF
