#!/bin/sh
# Near miss, on top of the reference solution: main.tf is right, but an override file (which Terraform merges in
# after the other files) makes the database publicly accessible again.
set -eu
cat > /root/review/orders_override.tf <<'TF'
resource "aws_db_instance" "orders" {
  publicly_accessible = true
}
TF
