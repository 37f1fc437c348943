#!/bin/sh
# The reference solution: the policy's three tags on every resource through the provider's default_tags (the
# environment's from a typed variable), every variable typed, the bucket encrypted with the policy's algorithm
# under the module's KMS key, which rotates. The keys, the variable and the algorithm are the session's
# ($ASSAY_P_TEAM_KEY, $ASSAY_P_COST_KEY, $ASSAY_P_ENV, $ASSAY_P_SSE).
set -eu
fill() {
  sed -e "s|__TEAM_KEY__|$ASSAY_P_TEAM_KEY|g" -e "s|__COST_KEY__|$ASSAY_P_COST_KEY|g" -e "s|__ENV__|$ASSAY_P_ENV|g" \
    -e "s|__SSE__|$ASSAY_P_SSE|g" -e "s|__BUCKET_KEY__|$bucket_key|g"
}
# S3 Bucket Keys cut KMS requests for SSE-KMS; DSSE-KMS does not support them.
bucket_key=false
[ "$ASSAY_P_SSE" != aws:kms ] || bucket_key=true
cd /root/audit-logs
fill > main.tf <<'TF'
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
      "__TEAM_KEY__" = "platform"
      "__COST_KEY__" = "cc-4410"
      "__ENV__"      = var.__ENV__
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
      sse_algorithm     = "__SSE__"
      kms_master_key_id = aws_kms_key.audit.arn
    }
    bucket_key_enabled = __BUCKET_KEY__
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
fill > variables.tf <<'TF'
variable "name" {
  type        = string
  description = "Prefix of every resource name"
}

variable "region" {
  type    = string
  default = "eu-west-1"
}

variable "__ENV__" {
  type        = string
  description = "Where this stack runs (dev, staging, prod): the environment tag"
}
TF
