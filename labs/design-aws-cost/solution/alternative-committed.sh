#!/bin/sh
set -eu
# Another valid design: no spot at all (the team does not want reclaims in the batch pipeline), everything steady
# on a savings plan, compute-optimised nodes for the API, and S3 Infrequent Access for the archive.
cat > /root/design.yaml <<'YAML'
design: 1
entry: [alb]
slo: {availability: 99.9, rpo: 1h, rto: 2h}
load: {requestsPerSecond: 6000, jobsPerMinute: 24000, dbTransactionsPerSecond: 2400}
components:
  - {name: alb, kind: load-balancer, instanceType: alb, replicas: 1, zones: [a, b, c], dependsOn: [api]}
  - {name: api, kind: service, instanceType: c6g.2xlarge, replicas: 9, zones: [a, b, c], pricing: savings-plan,
     dependsOn: [db, jobs, archive]}
  - {name: workers, kind: worker, instanceType: c6g.2xlarge, replicas: 9, zones: [a, b, c], pricing: savings-plan,
     dependsOn: [jobs, db]}
queues:
  - {name: jobs, engine: sqs, instanceType: sqs, replicas: 1, zones: [a, b, c]}
stores:
  - {name: db, engine: postgres, instanceType: db.r6g.2xlarge, replicas: 2, zones: [b, c], replication: sync,
     backupInterval: 5m, storageGB: 1100, storageType: rds-gp3, pricing: savings-plan}
  - {name: archive, engine: s3, instanceType: s3, replicas: 1, zones: [a, b, c], replication: none,
     backupInterval: 24h, storageGB: 72000, storageType: s3-ia}
YAML
cat > /root/design.md <<'TEXT'
# Rightsized and committed

Every fleet is steady, so all of it goes on a one-year savings plan instead of spot: the batch pipeline has
deadlines and the team does not want to chase reclaims. The API and the workers both run 9 c6g.2xlarge, 3 a zone,
enough for the peak with a zone gone. The database keeps its synchronous standby on db.r6g.2xlarge with 1,100 GB of
gp3. The archive moves to S3 Infrequent Access, keeping retrieval cheap for the support team's monthly exports.
TEXT
