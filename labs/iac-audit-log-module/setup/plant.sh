#!/bin/sh
# Plants the audit-log module the platform's policy refuses: tags missing on the key and the queue and partly on
# the bucket, no environment input, an untyped variable, the bucket on S3-managed keys beside an unused KMS key
# that never rotates. The bucket carries the one tag it has under the session's key for the team,
# $ASSAY_P_TEAM_KEY (lab.yaml, parameters).
set -eu
mkdir -p /root/audit-logs
sed "s|__TEAM_KEY__|$ASSAY_P_TEAM_KEY|" > /root/audit-logs/main.tf <<'TF'
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

resource "aws_kms_key" "audit" {
  description             = "Encrypts the audit log bucket"
  deletion_window_in_days = 30
}

resource "aws_s3_bucket" "audit" {
  bucket = "${var.name}-audit-logs"

  tags = {
    __TEAM_KEY__ = "platform"
  }
}

resource "aws_s3_bucket_server_side_encryption_configuration" "audit" {
  bucket = aws_s3_bucket.audit.id

  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "AES256"
    }
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
cat > /root/audit-logs/variables.tf <<'TF'
variable "name" {
  description = "Prefix of every resource name"
}

variable "region" {
  type    = string
  default = "eu-west-1"
}
TF
