#!/bin/sh
# Near miss (after the reference solution): "made room" by emptying the pending batches; the names are all still
# there, the customer's data is not.
set -eu
for f in "/var/tmp/$ASSAY_P_USER"/spool/batch-*.json; do : > "$f"; done
