#!/bin/sh
# Plants the module a colleague started: a public website bucket fronted by CloudFront over HTTP, keys in the
# provider block, untyped variables. The bucket's name, the distribution's domain and certificate are drawn per
# session (lab.yaml, parameters) and written only where the module holds them.
set -eu
mkdir -p /root/infra
cat > /root/infra/main.tf <<'TF'
provider "aws" {
  region     = var.region
  access_key = "AKIAIOSFODNN7EXAMPLE"
  secret_key = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
}

resource "aws_s3_bucket" "site" {
  bucket = var.bucket
}

resource "aws_s3_bucket_acl" "site" {
  bucket = aws_s3_bucket.site.id
  acl    = "public-read"
}

resource "aws_s3_bucket_website_configuration" "site" {
  bucket = aws_s3_bucket.site.id
  index_document {
    suffix = "index.html"
  }
}

resource "aws_cloudfront_distribution" "site" {
  enabled             = true
  default_root_object = "index.html"
  aliases             = ["@DOMAIN@"]

  origin {
    domain_name = aws_s3_bucket_website_configuration.site.website_endpoint
    origin_id   = "site"
    custom_origin_config {
      http_port              = 80
      https_port             = 443
      origin_protocol_policy = "http-only"
      origin_ssl_protocols   = ["TLSv1.2"]
    }
  }

  default_cache_behavior {
    target_origin_id       = "site"
    viewer_protocol_policy = "allow-all"
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
    acm_certificate_arn      = "@CERTIFICATE_ARN@"
    ssl_support_method       = "sni-only"
    minimum_protocol_version = "TLSv1.2_2021"
  }
}
TF
sed -i -e "s|@DOMAIN@|$ASSAY_P_DOMAIN|" -e "s|@CERTIFICATE_ARN@|$ASSAY_P_CERTIFICATE_ARN|" /root/infra/main.tf
cat > /root/infra/variables.tf <<TF
variable "region" {
  default = "eu-central-1"
}

variable "bucket" {
  default = "$ASSAY_P_BUCKET"
}
TF
