#!/bin/sh
# Near miss, on top of the reference solution: the security group keeps an inline SSH ingress from inside the VPC.
set -eu
perl -0pi -e 's/resource "aws_security_group" "db" \{\n  name   = "\$\{var.name\}-db"\n  vpc_id = var.vpc_id\n\}/resource "aws_security_group" "db" {\n  name   = "\${var.name}-db"\n  vpc_id = var.vpc_id\n\n  ingress {\n    description = "admin access"\n    from_port   = 22\n    to_port     = 22\n    protocol    = "tcp"\n    cidr_blocks = ["10.0.0.0\/16"]\n  }\n}/' /root/review/main.tf
grep -q 'admin access' /root/review/main.tf
