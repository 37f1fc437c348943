#!/bin/sh
# A correct alternative: aws_security_group_rule resources, one per application security group named in
# terraform.tfvars; the database's settings in a local map, its backups from an *.auto.tfvars file, created
# through count on a variable whose default is true; the password from a sensitive variable with no default.
set -eu
cat > /root/review/main.tf <<'TF'
locals {
  database = {
    public    = false
    encrypted = true
    protected = true
  }
}

resource "aws_security_group" "db" {
  name   = "${var.name}-db"
  vpc_id = var.vpc_id
}

resource "aws_security_group_rule" "postgres_from_app" {
  for_each                 = toset(var.client_security_group_ids)
  type                     = "ingress"
  security_group_id        = aws_security_group.db.id
  source_security_group_id = each.value
  from_port                = 5432
  to_port                  = 5432
  protocol                 = "tcp"
}

resource "aws_db_instance" "orders" {
  count                   = var.create_database ? 1 : 0
  identifier              = "${var.name}-orders"
  engine                  = "postgres"
  engine_version          = "16.4"
  instance_class          = "db.t4g.medium"
  allocated_storage       = 50
  username                = "orders"
  password                = var.master_password
  publicly_accessible     = local.database.public
  storage_encrypted       = local.database.encrypted
  deletion_protection     = local.database.protected
  backup_retention_period = var.backup_days
  vpc_security_group_ids  = [aws_security_group.db.id]
}
TF
cat > /root/review/variables.tf <<'TF'
variable "name" {
  type = string
}

variable "vpc_id" {
  type = string
}

variable "client_security_group_ids" {
  type        = list(string)
  description = "Security groups allowed to reach Postgres"
}

variable "create_database" {
  type    = bool
  default = true
}

variable "backup_days" {
  type    = number
  default = 1
}

variable "master_password" {
  type      = string
  sensitive = true
}
TF
printf 'client_security_group_ids = ["sg-0a1b2c3d4e5f60789"]\n' > /root/review/terraform.tfvars
printf 'backup_days = 14\n' > /root/review/prod.auto.tfvars
