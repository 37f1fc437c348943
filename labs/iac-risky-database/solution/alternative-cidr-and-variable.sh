#!/bin/sh
# A correct alternative: Postgres from the private subnets' CIDRs (given in terraform.tfvars), the password from a
# sensitive variable, default encryption key, seven days of backups.
set -eu
cat > /root/review/main.tf <<'TF'
resource "aws_security_group" "db" {
  name   = "${var.name}-db"
  vpc_id = var.vpc_id
}

resource "aws_vpc_security_group_ingress_rule" "postgres" {
  for_each          = toset(var.private_cidrs)
  security_group_id = aws_security_group.db.id
  cidr_ipv4         = each.value
  from_port         = 5432
  to_port           = 5432
  ip_protocol       = "tcp"
}

resource "aws_db_instance" "orders" {
  identifier              = "${var.name}-orders"
  engine                  = "postgres"
  instance_class          = "db.t4g.medium"
  allocated_storage       = 50
  username                = "orders"
  password                = var.db_password
  publicly_accessible     = false
  storage_encrypted       = true
  backup_retention_period = 7
  deletion_protection     = true
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

variable "private_cidrs" {
  type = list(string)
}

variable "db_password" {
  type      = string
  sensitive = true
}
TF
printf 'private_cidrs = ["10.20.1.0/24", "10.20.2.0/24"]\n' > /root/review/terraform.tfvars
