#!/bin/sh
# The reference solution: the three tags on every resource through the provider's default_tags (environment from
# a typed variable), every variable typed, the bucket encrypted with the module's KMS key, which rotates.
set -eu
cd /root/audit-logs
cat > main.tf <<'TF'
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

  default_tags {
    tags = {
      team          = "platform"
      "cost-center" = "cc-4410"
      environment   = var.environment
    }
  }
}

resource "aws_kms_key" "audit" {
  description             = "Encrypts the audit log bucket"
  deletion_window_in_days = 30
  enable_key_rotation     = true
}

resource "aws_s3_bucket" "audit" {
  bucket = "${var.name}-audit-logs"
}

resource "aws_s3_bucket_server_side_encryption_configuration" "audit" {
  bucket = aws_s3_bucket.audit.id

  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = aws_kms_key.audit.arn
    }
    bucket_key_enabled = true
  }
}

resource "aws_s3_bucket_public_access_block" "audit" {
  bucket                  = aws_s3_bucket.audit.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_sqs_queue" "audit_events" {
  name                      = "${var.name}-audit-events"
  message_retention_seconds = 1209600
}
TF
cat > variables.tf <<'TF'
variable "name" {
  type        = string
  description = "Prefix of every resource name"
}

variable "region" {
  type    = string
  default = "eu-west-1"
}

variable "environment" {
  type        = string
  description = "Where this stack runs (dev, staging, prod): the environment tag"
}
TF
