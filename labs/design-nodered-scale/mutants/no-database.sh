#!/bin/sh
set -eu
# Leaves the forge database out: the forge no longer names it and no postgres store is drawn. Cheaper, and nothing
# left in the drawing is a single point; but the forge's data has nowhere to live.
awk '
  /^    dependsOn: \[forge-db\]$/ { next }
  /^  - name: forge-db$/ { skip = 1; next }
  skip && /^    / { next }
  { skip = 0; print }
' /root/design.yaml > /root/design.yaml.new
mv /root/design.yaml.new /root/design.yaml
! grep -q forge-db /root/design.yaml
