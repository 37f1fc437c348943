#!/bin/sh
# Near miss, on top of the reference solution: cost-center moves out of default_tags onto the key and the bucket
# only, so the queue lacks it.
set -eu
cd /root/audit-logs
sed -i '/^      "cost-center" = "cc-4410"$/d' main.tf
sed -i 's|^  enable_key_rotation     = true$|  enable_key_rotation     = true\n  tags                    = { "cost-center" = "cc-4410" }|' main.tf
sed -i 's|^  bucket = "${var.name}-audit-logs"$|  bucket = "${var.name}-audit-logs"\n  tags   = { "cost-center" = "cc-4410" }|' main.tf
[ "$(grep -c 'cost-center' main.tf)" = 2 ]
