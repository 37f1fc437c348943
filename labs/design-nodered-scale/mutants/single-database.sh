#!/bin/sh
set -eu
# Saves the standby: the forge database becomes one node in one zone, with no replication.
sed -i 's/^    replicas: 2$/    replicas: 1/; s/^    zones: \[a, b\]$/    zones: [a]/; s/^    replication: sync$/    replication: none/' /root/design.yaml
