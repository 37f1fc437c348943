#!/bin/sh
# Near miss, on top of the reference solution: the cost-center tag ($ASSAY_P_COST_KEY) moves out of default_tags
# onto the key and the bucket only, so the queue lacks it.
set -eu
cd /root/audit-logs
tag="\"$ASSAY_P_COST_KEY\" = \"cc-4410\""
grep -q "^      $tag\$" main.tf
sed -i "/^      $tag\$/d" main.tf
sed -i "s|^  enable_key_rotation     = true\$|  enable_key_rotation     = true\n  tags                    = { $tag }|" main.tf
sed -i "s|^  bucket = \"\${var.name}-audit-logs\"\$|  bucket = \"\${var.name}-audit-logs\"\n  tags   = { $tag }|" main.tf
[ "$(grep -c "\"$ASSAY_P_COST_KEY\"" main.tf)" = 2 ]
