#!/bin/sh
# Near miss (after the reference solution): "made room" by deleting the batches that were not uploaded yet.
set -eu
rm -f /var/tmp/telemetry/spool/batch-*.json
