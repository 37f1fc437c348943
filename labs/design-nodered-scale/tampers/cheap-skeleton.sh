#!/bin/sh
set -eu
# Tamper: one small part of every kind the brief names, nothing linked, backups every 5 minutes: valid, far under
# budget, and one database node restores within the RTO; it carries none of the load.
cat > /root/design.yaml <<'YAML'
entry: [alb]
slo: {availability: 99.95, rpo: 15m, rto: 1h}
load: {requestsPerSecond: 8000}
components:
  - {name: alb, kind: load-balancer, instanceType: alb, replicas: 1, zones: [a, b, c]}
  - {name: ingress, kind: ingress, instanceType: m6g.large, replicas: 1, zones: [a]}
  - {name: nodered, kind: nodered-host, instanceType: m6g.large, replicas: 1, zones: [a]}
  - {name: forge, kind: forge, instanceType: m6g.large, replicas: 1, zones: [a]}
  - {name: broker, kind: broker, instanceType: m6g.large, replicas: 1, zones: [a]}
stores:
  - {name: forge-db, engine: postgres, instanceType: db.m6g.large, replicas: 1, zones: [a], replication: none,
     backupInterval: 5m, storageGB: 300, storageType: rds-gp3}
YAML
