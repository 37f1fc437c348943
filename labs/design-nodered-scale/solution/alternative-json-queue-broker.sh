#!/bin/sh
set -eu
# A correct alternative in another form and topology: the document is JSON (YAML's subset), the MQTT broker is
# written as a queue (engine: broker), the tenant fleet is twice as many half-size nodes (114 m6g.2xlarge, 38 a
# zone), the forge database is three asynchronous nodes, one a zone, with 10-minute log archiving, the names differ
# and the entry is a single name.
cat > /root/design.yaml <<'JSON'
{
  "entry": "lb",
  "slo": {"availability": 99.95, "rpo": "15m", "rto": "1h"},
  "load": {"requestsPerSecond": 8000, "connections": 40000, "instances": 6000,
           "apiRequestsPerSecond": 600, "mqttConnections": 60000},
  "stores": [
    {"name": "forge-pg", "engine": "postgres", "instanceType": "db.r6g.xlarge", "replicas": 3,
     "zones": ["a", "b", "c"], "replication": "async", "backupInterval": "10m", "storageGB": 350,
     "storageType": "rds-gp3"},
    {"name": "flows-bucket", "engine": "s3", "instanceType": "s3", "replicas": 1, "zones": ["a", "b", "c"],
     "replication": "none", "backupInterval": "1d", "storageGB": 2000, "storageType": "s3-standard"}
  ],
  "queues": [
    {"name": "mqtt", "engine": "broker", "instanceType": "m6g.xlarge", "replicas": 3, "zones": ["c", "b", "a"]}
  ],
  "components": [
    {"name": "lb", "kind": "load-balancer", "instanceType": "alb", "replicas": 1, "zones": ["a", "b", "c"],
     "dependsOn": ["edge"]},
    {"name": "edge", "kind": "ingress", "instanceType": "c6g.xlarge", "replicas": 6, "zones": ["a", "b", "c"],
     "dependsOn": ["tenant-pool", "api"]},
    {"name": "tenant-pool", "kind": "nodered-host", "instanceType": "m6g.2xlarge", "replicas": 114,
     "zones": ["a", "b", "c"], "pricing": "savings-plan", "dependsOn": ["mqtt", "api", "flows-bucket"]},
    {"name": "api", "kind": "forge", "instanceType": "c6g.xlarge", "replicas": 3, "zones": ["a", "b", "c"],
     "dependsOn": ["forge-pg", "mqtt"]}
  ]
}
JSON
cat > /root/design.md <<'TEXT'
# FlowFuse Cloud at 10x: smaller tenant nodes

Tenants run on 114 m6g.2xlarge (80 instances each, 38 a zone): 9,120 instances, 6,080 with a zone lost, the same
capacity and price as 57 m6g.4xlarge, but a node failure restarts 80 tenants instead of 160 and the fleet scales in
smaller steps. The savings plan covers the steady fleet ($20,612 a month); the rest stays on demand. Six c6g.xlarge
ingress nodes carry 24,000 requests/s and 120,000 WebSockets (16,000 and 80,000 with a zone lost). The broker runs
three m6g.xlarge, 40,000 connections each. The forge database has an asynchronous replica in every zone (30 s lag,
inside the 15-minute RPO) and archives its log every 10 minutes, so a bad migration loses at most 10 minutes; a
restore of 300 GB takes about 50 minutes. About $25,200 a month in all.
TEXT
