provider "aws" {
  region = var.region
  default_tags {
    tags = {
      Project     = "shop"
      Environment = var.environment
    }
  }
}

provider "aws" {
  alias  = "us"
  region = "us-east-1"
  assume_role {
    role_arn = "arn:aws:iam::123456789012:role/deploy"
  }
}

resource "aws_acm_certificate" "cdn" {
  provider          = aws.us
  domain_name       = var.domain
  validation_method = "DNS"
  lifecycle {
    create_before_destroy = true
  }
}
