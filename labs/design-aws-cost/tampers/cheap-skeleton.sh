#!/bin/sh
set -eu
# Tamper: one small part of every kind the figures name, nothing linked, backups every 5 minutes: far under budget,
# valid, and the database's recovery figures hold for one node; it carries none of the load.
cat > /root/design.yaml <<'YAML'
entry: [alb]
slo: {availability: 99.9, rpo: 1h, rto: 2h}
load: {requestsPerSecond: 6000}
components:
  - {name: alb, kind: load-balancer, instanceType: alb, replicas: 1, zones: [a, b, c]}
  - {name: api, kind: service, instanceType: m6g.xlarge, replicas: 1, zones: [a]}
  - {name: workers, kind: worker, instanceType: c6g.xlarge, replicas: 1, zones: [a], pricing: spot}
stores:
  - {name: db, engine: postgres, instanceType: db.r6g.xlarge, replicas: 1, zones: [a], replication: none,
     backupInterval: 5m, storageGB: 1100, storageType: rds-gp3}
  - {name: archive, engine: s3, instanceType: s3, replicas: 1, zones: [a, b, c], replication: none,
     backupInterval: 24h, storageGB: 72000, storageType: s3-glacier-ir}
YAML
