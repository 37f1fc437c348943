#!/bin/sh
# Plants the current design and last month's bill: the starting point of the cost review. The candidate's own design
# goes to /root/design.yaml (none exists at first).
set -eu
mkdir -p /root/current
cat > /root/current/design.yaml <<'YAML'
design: 1
name: Telemetry platform as it runs today
entry: [alb]
slo: {availability: 99.9, rpo: 1h, rto: 2h}
load: {requestsPerSecond: 6000, jobsPerMinute: 24000, dbTransactionsPerSecond: 2400}
components:
  - {name: alb, kind: load-balancer, instanceType: alb, replicas: 1, zones: [a, b, c], dependsOn: [api]}
  - {name: api, kind: service, instanceType: m5.2xlarge, replicas: 18, zones: [a, b, c], dependsOn: [db, jobs, archive]}
  - {name: workers, kind: worker, instanceType: c5.2xlarge, replicas: 12, zones: [a, b, c], dependsOn: [jobs, db, archive]}
  - {name: staging, kind: staging, instanceType: m5.2xlarge, replicas: 6, zones: [a, b, c]}
queues:
  - {name: jobs, engine: sqs, instanceType: sqs, replicas: 1, zones: [a, b, c]}
stores:
  - {name: db, engine: postgres, instanceType: db.r5.4xlarge, replicas: 2, zones: [a, b], replication: sync,
     backupInterval: 5m, storageGB: 3000, storageType: rds-io1}
  - {name: archive, engine: s3, instanceType: s3, replicas: 1, zones: [a, b, c], replication: none,
     backupInterval: 24h, storageGB: 72000, storageType: s3-standard}
YAML
cat > /root/current/bill.csv <<'CSV'
service,item,quantity,unit,unit_price_usd,monthly_usd
EC2,api: m5.2xlarge on-demand (eks node group api),13140,instance-hours,0.428,5623.92
EC2,workers: c5.2xlarge on-demand (eks node group workers),8760,instance-hours,0.384,3363.84
EC2,staging: m5.2xlarge on-demand (eks node group staging),4380,instance-hours,0.428,1874.64
RDS,db: db.r5.4xlarge Multi-AZ (2 nodes),1460,instance-hours,2.08,3036.80
RDS,db: io1 storage (3000 GB x 2 nodes; provisioned IOPS included),6000,GB-month,0.25,1500.00
S3,archive: S3 Standard,72000,GB-month,0.023,1656.00
SQS,jobs: requests,730,hour-equivalents,0.55,401.50
ELB,alb: load balancer hours,730,hours,0.0252,18.40
ELB,alb: capacity units,1,month,300.00,300.00
EKS,control plane,1,month,73.00,73.00
VPC,NAT gateways and data transfer,1,month,2400.00,2400.00
,TOTAL,,,,20248.10
CSV
