#!/bin/sh
set -eu
# Drops log archiving to save backup storage and keeps the nightly snapshot only.
sed -i 's/^    backupInterval: 5m$/    backupInterval: 24h/' /root/design.yaml
