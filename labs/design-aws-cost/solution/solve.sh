#!/bin/sh
set -eu
# The reference design: rightsized Graviton fleets (the API on a savings plan, the workers on spot, since they sit
# behind the queue, off the request path), staging gone, the database rightsized to what a zone loss needs on gp3,
# and the archive in Glacier Instant Retrieval.
cat > /root/design.yaml <<'YAML'
design: 1
name: Telemetry platform, rightsized
entry: [alb]
slo: {availability: 99.9, rpo: 1h, rto: 2h}
load: {requestsPerSecond: 6000, jobsPerMinute: 24000, dbTransactionsPerSecond: 2400}
components:
  - name: alb
    kind: load-balancer
    instanceType: alb
    replicas: 1
    zones: [a, b, c]
    dependsOn: [api]
  - name: api
    kind: service
    instanceType: m6g.2xlarge
    replicas: 9
    zones: [a, b, c]
    pricing: savings-plan
    dependsOn: [db, jobs, archive]
  - name: workers
    kind: worker
    instanceType: c6g.2xlarge
    replicas: 9
    zones: [a, b, c]
    pricing: spot
    dependsOn: [jobs, db, archive]
queues:
  - name: jobs
    engine: sqs
    instanceType: sqs
    replicas: 1
    zones: [a, b, c]
stores:
  - name: db
    engine: postgres
    instanceType: db.r6g.2xlarge
    replicas: 2
    zones: [a, b]
    replication: sync
    backupInterval: 5m
    storageGB: 1200
    storageType: rds-gp3
    pricing: savings-plan
  - name: archive
    engine: s3
    instanceType: s3
    replicas: 1
    zones: [a, b, c]
    replication: none
    backupInterval: 24h
    storageGB: 72000
    storageType: s3-glacier-ir
YAML
cat > /root/design.md <<'TEXT'
# Cutting the bill from $20,248 to about $6,800

- API: 18 m5.2xlarge carry 21,600 requests/s for a 6,000 peak. 9 m6g.2xlarge (3 a zone) carry 10,800, and 7,200
  with a zone gone; Graviton is 28 % cheaper, and a 1-year savings plan takes another 28 % off a fleet that never
  scales below 9.
- Workers read from SQS, off the request path: a reclaimed spot node only delays batches. 9 c6g.2xlarge on spot
  still process 24,000 jobs/min after losing a zone.
- Staging ran 6 m5.2xlarge around the clock: it goes (spin it up per pull request instead).
- Database: 16 vCPU were sized for 12,800 transactions/s; the peak is 2,400. db.r6g.2xlarge in Multi-AZ carries it
  on either node. 3,000 GB of io1 become 1,200 GB of gp3 (1,050 GB of data in six months).
- The archive is read a few times a month: Glacier Instant Retrieval costs a fifth of S3 Standard.
Risks: the savings plan is a one-year commitment; spot capacity for c6g can run short (diversify instance types).
TEXT
