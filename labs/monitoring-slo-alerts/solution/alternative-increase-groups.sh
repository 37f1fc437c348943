#!/bin/sh
# A correct alternative: alerts and records in two groups (alerts first, so Prometheus may evaluate them a minute
# behind the record), increase() rather than rate(), aggregation written with a trailing by clause, every 5xx
# matched as 5.*, the alerts restricted to the shop's job.
set -eu
cat > /etc/prometheus/rules.yml <<RULES
# Shop API SLO: 99% of requests succeed, 99% finish within 500 ms.
groups:
  - name: shop-alerts
    rules:
      - alert: ShopHighErrorRate
        expr: job:${ASSAY_P_METRIC}_requests:error_ratio_rate5m{job="$ASSAY_P_JOB"} > 0.01
        for: 5m
        labels: {severity: $ASSAY_P_PAGE}
        annotations:
          description: More than 1% of requests to {{ \$labels.job }} fail ({{ \$value | humanizePercentage }}).
      - alert: ShopHighLatency
        expr: |
          histogram_quantile(0.99,
            sum(increase(${ASSAY_P_METRIC}_request_duration_seconds_bucket{job="$ASSAY_P_JOB"}[5m])) by (le, job)
          ) > 0.5
        for: 10m
        labels: {severity: $ASSAY_P_TICKET}
  - name: shop-records
    rules:
      - record: job:${ASSAY_P_METRIC}_requests:error_ratio_rate5m
        expr: |
          sum(increase(${ASSAY_P_METRIC}_requests_total{code=~"5.*"}[5m])) by (job)
            /
          sum(increase(${ASSAY_P_METRIC}_requests_total[5m])) by (job)
RULES
promtool check rules /etc/prometheus/rules.yml
