#!/bin/sh
set -eu
# Saves the standby: the database becomes one node in one zone, with no replication.
sed -i 's/^    zones: \[a, b\]$/    zones: [a]/; s/^    replication: sync$/    replication: none/' /root/design.yaml
sed -i '/^    engine: postgres$/,/^    zones/ s/^    replicas: 2$/    replicas: 1/' /root/design.yaml
