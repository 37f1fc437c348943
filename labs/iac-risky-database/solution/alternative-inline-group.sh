#!/bin/sh
# A correct alternative: the security group's own inline ingress admits Postgres from the application's group
# only; the database leaves publicly_accessible and backup_retention_period at their defaults (not public, one day
# of backups), has encryption and deletion protection on, and RDS manages its password.
set -eu
rm -f /root/review/*.tf
cat > /root/review/network.tf <<'TF'
resource "aws_security_group" "db" {
  name        = "${var.name}-db"
  description = "Orders database: Postgres from the application only"
  vpc_id      = var.vpc_id

  ingress {
    description     = "Postgres from the application"
    from_port       = 5432
    to_port         = 5432
    protocol        = "tcp"
    security_groups = [var.app_security_group_id]
  }
}
TF
cat > /root/review/database.tf <<'TF'
resource "aws_db_instance" "orders" {
  identifier                  = "${var.name}-orders"
  engine                      = "postgres"
  instance_class              = "db.t4g.medium"
  allocated_storage           = 50
  username                    = "orders"
  manage_master_user_password = true
  storage_encrypted           = true
  deletion_protection         = true
  skip_final_snapshot         = false
  final_snapshot_identifier   = "${var.name}-orders-final"
  vpc_security_group_ids      = [aws_security_group.db.id]
}
TF
cat > /root/review/variables.tf <<'TF'
variable "name" {
  type        = string
  description = "Name prefix"
}

variable "vpc_id" {
  type = string
}

variable "app_security_group_id" {
  type        = string
  description = "Security group of the application servers"
}
TF
