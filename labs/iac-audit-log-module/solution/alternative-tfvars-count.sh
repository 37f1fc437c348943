#!/bin/sh
# A correct alternative: files split by concern, the queue made with count, tags written out per resource with the
# values from terraform.tfvars, rotation from a variable whose default is true, the key referred to by key_id. The
# tag keys, the environment's variable and the algorithm are the session's ($ASSAY_P_TEAM_KEY, $ASSAY_P_COST_KEY,
# $ASSAY_P_ENV, $ASSAY_P_SSE).
set -eu
fill() {
  sed -e "s|__TEAM_KEY__|$ASSAY_P_TEAM_KEY|g" -e "s|__COST_KEY__|$ASSAY_P_COST_KEY|g" -e "s|__ENV__|$ASSAY_P_ENV|g" \
    -e "s|__SSE__|$ASSAY_P_SSE|g"
}
cd /root/audit-logs
rm -f main.tf variables.tf
cat > providers.tf <<'TF'
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
TF
fill > kms.tf <<'TF'
resource "aws_kms_key" "audit" {
  description             = "Encrypts the audit log bucket"
  deletion_window_in_days = 30
  enable_key_rotation     = var.rotate_key

  tags = {
    "__TEAM_KEY__" = var.team
    "__COST_KEY__" = var.cost_center
    "__ENV__"      = var.__ENV__
  }
}
TF
fill > bucket.tf <<'TF'
resource "aws_s3_bucket" "audit" {
  bucket = "${var.name}-audit-logs"

  tags = {
    "__TEAM_KEY__" = var.team
    "__COST_KEY__" = var.cost_center
    "__ENV__"      = var.__ENV__
  }
}

resource "aws_s3_bucket_server_side_encryption_configuration" "audit" {
  bucket = aws_s3_bucket.audit.bucket

  rule {
    apply_server_side_encryption_by_default {
      kms_master_key_id = aws_kms_key.audit.key_id
      sse_algorithm     = "__SSE__"
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
TF
fill > queue.tf <<'TF'
resource "aws_sqs_queue" "audit_events" {
  count                     = var.with_events ? 1 : 0
  name                      = "${var.name}-audit-events"
  message_retention_seconds = 1209600

  tags = {
    "__TEAM_KEY__" = var.team
    "__COST_KEY__" = var.cost_center
    "__ENV__"      = var.__ENV__
  }
}
TF
fill > variables.tf <<'TF'
variable "name" {
  type = string
}

variable "region" {
  type    = string
  default = "eu-west-1"
}

variable "__ENV__" {
  type = string
}

variable "team" {
  type = string
}

variable "cost_center" {
  type = string
}

variable "rotate_key" {
  type    = bool
  default = true
}

variable "with_events" {
  type    = bool
  default = true
}
TF
printf 'team        = "platform"\ncost_center = "cc-4410"\n' > terraform.tfvars
