#!/bin/sh
# Near miss, on top of the reference solution: every ingress rule deleted, so the application cannot connect.
set -eu
perl -0pi -e 's/resource "aws_vpc_security_group_ingress_rule" "postgres" \{.*?\n\}\n\n//s' /root/review/main.tf
if grep -q 'aws_vpc_security_group_ingress_rule' /root/review/main.tf; then exit 1; fi
