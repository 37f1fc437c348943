#!/bin/sh
# Near miss, on top of the reference solution: SSH stays open to the world.
set -eu
cat >> /root/review/main.tf <<'TF'

resource "aws_vpc_security_group_ingress_rule" "ssh" {
  security_group_id = aws_security_group.db.id
  cidr_ipv4         = "0.0.0.0/0"
  from_port         = 22
  to_port           = 22
  ip_protocol       = "tcp"
}
TF
