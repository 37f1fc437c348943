#!/bin/sh
# Tamper: adds a private, encrypted, backed-up and protected twin of the database, and leaves the public one in
# place, hoping a check is satisfied by one good copy.
set -eu
cat >> /root/review/main.tf <<'TF'

resource "aws_db_instance" "orders_private" {
  identifier                  = "${var.name}-orders-private"
  engine                      = "postgres"
  instance_class              = "db.t4g.medium"
  allocated_storage           = 50
  username                    = "orders"
  manage_master_user_password = true
  publicly_accessible         = false
  storage_encrypted           = true
  backup_retention_period     = 7
  deletion_protection         = true
  vpc_security_group_ids      = [aws_security_group.db.id]
}
TF
