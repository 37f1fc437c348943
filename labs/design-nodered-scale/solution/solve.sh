#!/bin/sh
set -eu
# The reference design: Graviton nodes on a savings plan, everything on the request path across three zones, the
# forge database in sync Multi-AZ with 5-minute log archiving, and the tenant fleet sized to survive a zone loss.
cat > /root/design.yaml <<'YAML'
design: 1
name: FlowFuse Cloud at 10x
entry: [alb]
slo: {availability: 99.95, latencyP99: 300ms, rpo: 15m, rto: 1h}
load:
  requestsPerSecond: 8000
  connections: 40000
  instances: 6000
  apiRequestsPerSecond: 600
  mqttConnections: 60000
  storageGrowthGBPerMonth: 20
components:
  - name: alb
    kind: load-balancer
    instanceType: alb
    replicas: 1
    zones: [a, b, c]
    dependsOn: [ingress]
  - name: ingress
    kind: ingress
    instanceType: c6i.xlarge
    replicas: 3
    zones: [a, b, c]
    dependsOn: [nodered-hosts, forge]
  - name: nodered-hosts
    kind: nodered-host
    instanceType: m6g.4xlarge
    replicas: 57
    zones: [a, b, c]
    pricing: savings-plan
    dependsOn: [forge, broker, files]
  - name: forge
    kind: forge
    instanceType: m6g.xlarge
    replicas: 3
    zones: [a, b, c]
    dependsOn: [forge-db]
  - name: broker
    kind: broker
    instanceType: m6g.xlarge
    replicas: 3
    zones: [a, b, c]
stores:
  - name: forge-db
    engine: postgres
    instanceType: db.r6g.large
    replicas: 2
    zones: [a, b]
    replication: sync
    backupInterval: 5m
    restoreTime: 50m
    storageGB: 400
    storageType: rds-gp3
  - name: files
    engine: s3
    instanceType: s3
    replicas: 1
    zones: [a, b, c]
    replication: none
    backupInterval: 24h
    storageGB: 2000
    storageType: s3-standard
YAML
cat > /root/design.md <<'TEXT'
# FlowFuse Cloud at 10x

Tenants' Node-RED instances run on a dedicated EKS node group of m6g.4xlarge (Graviton) nodes, 19 per zone in
three zones: 57 nodes hold 9,120 instances, 6,080 after losing a zone, against 6,000 at peak. Graviton is 20 %
cheaper than m6i for the same size and Node-RED runs on arm64; the steady fleet is covered by a 1-year savings plan.
The forge API, the ingress controllers and the MQTT broker run three replicas, one per zone. PostgreSQL is RDS
Multi-AZ (synchronous standby, failover in about 2 minutes) with log archiving every 5 minutes, so the RPO of 15
minutes holds for a lost zone and for a bad migration alike; a restore of 300 GB takes about 50 minutes.
Trade-offs: a savings plan commits us for a year; per-tenant noisy neighbours are handled by pod limits.
TEXT
