#!/bin/sh
# Tamper: puts the three tags in the default_tags of a second, aliased provider configuration that no resource
# uses, hoping a grader sees default_tags somewhere and counts them for everything.
set -eu
cat >> /root/audit-logs/main.tf <<'TF'

provider "aws" {
  alias  = "tagged"
  region = var.region

  default_tags {
    tags = {
      team          = "platform"
      "cost-center" = "cc-4410"
      environment   = "prod"
    }
  }
}
TF
