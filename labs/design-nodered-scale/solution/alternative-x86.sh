#!/bin/sh
set -eu
# Another valid design: tenants stay on x86 (m6i, for nodes with native modules built for amd64) under a savings
# plan; ingress on six small Graviton nodes, the forge on compute-optimised ones, and an asynchronous standby
# (30 s of lag is well inside the 15-minute RPO).
cat > /root/design.yaml <<'YAML'
design: 1
name: FlowFuse Cloud at 10x, x86 tenants
entry: [alb]
slo: {availability: 99.95, rpo: 15m, rto: 1h}
load: {requestsPerSecond: 8000, connections: 40000, instances: 6000, apiRequestsPerSecond: 600, mqttConnections: 60000}
components:
  - {name: alb, kind: load-balancer, instanceType: alb, replicas: 1, zones: [a, b, c], dependsOn: [ingress]}
  - {name: ingress, kind: ingress, instanceType: m6g.large, replicas: 6, zones: [a, b, c], dependsOn: [tenants, api]}
  - name: tenants
    kind: nodered-host
    instanceType: m6i.4xlarge
    replicas: 57
    zones: [a, b, c]
    pricing: savings-plan
    dependsOn: [api, mqtt, files]
  - {name: api, kind: forge, instanceType: c6g.xlarge, replicas: 3, zones: [a, b, c], dependsOn: [db]}
  - {name: mqtt, kind: broker, instanceType: m6g.xlarge, replicas: 3, zones: [a, b, c]}
stores:
  - {name: db, engine: postgres, instanceType: db.r6g.large, replicas: 2, zones: [a, c], replication: async,
     backupInterval: 5m, storageGB: 400, storageType: rds-gp3}
  - {name: files, engine: s3, instanceType: s3, replicas: 1, zones: [a, b, c], replication: none,
     backupInterval: 24h, storageGB: 2000, storageType: s3-standard}
YAML
cat > /root/design.md <<'TEXT'
# FlowFuse Cloud at 10x, keeping tenants on x86

Some customers install nodes with native add-ons built for amd64 only, so tenant nodes stay on m6i.4xlarge,
19 per zone (6,080 instances after a zone loss), under a 1-year savings plan. Ingress and the MQTT broker move to
Graviton. The forge database keeps an asynchronous standby in another zone: at most 30 s of writes are lost on a
failover, far inside the 15-minute RPO, and log archiving every 5 minutes covers a bad migration.
TEXT
