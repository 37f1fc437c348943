#!/bin/sh
# Tamper: the open CIDRs, the SSH port and the database's settings move into variables that have no value, so that
# no text pattern sees 0.0.0.0/0, port 22 or "true" any more; what Terraform would plan is unchanged (or unknown).
set -eu
f=/root/review/main.tf
sed -i 's|cidr_ipv4         = "0.0.0.0/0"|cidr_ipv4         = var.allowed_cidr|' "$f"
sed -i 's/from_port         = 22/from_port         = var.admin_port/; s/to_port           = 22/to_port           = var.admin_port/' "$f"
sed -i 's/publicly_accessible    = true/publicly_accessible    = var.public/' "$f"
sed -i 's/storage_encrypted      = false/storage_encrypted      = var.encrypted/' "$f"
sed -i 's/backup_retention_period = 0/backup_retention_period = var.backup_days/' "$f"
cat >> /root/review/variables.tf <<'TF'

variable "allowed_cidr" {
  type = string
}

variable "admin_port" {
  type = number
}

variable "public" {
  type = bool
}

variable "encrypted" {
  type = bool
}

variable "backup_days" {
  type = number
}
TF
grep -q 'var.allowed_cidr' "$f"
