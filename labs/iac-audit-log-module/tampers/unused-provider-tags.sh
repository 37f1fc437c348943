#!/bin/sh
# Tamper: puts the session's three tags in the default_tags of a second, aliased provider configuration that no
# resource uses, hoping a grader sees default_tags somewhere and counts them for everything.
set -eu
cat >> /root/audit-logs/main.tf <<TF

provider "aws" {
  alias  = "tagged"
  region = var.region

  default_tags {
    tags = {
      "$ASSAY_P_TEAM_KEY" = "platform"
      "$ASSAY_P_COST_KEY" = "cc-4410"
      "$ASSAY_P_ENV" = "prod"
    }
  }
}
TF
