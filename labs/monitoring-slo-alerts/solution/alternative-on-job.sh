#!/bin/sh
# A correct alternative: the division matched on job explicitly, 5xx as 5[0-9][0-9], thresholds written as
# 1 / 100 and with the quantile on the right of the comparison, durations in seconds, quoted label values.
set -eu
cat > /etc/prometheus/rules.yml <<RULES
groups:
- name: shop
  interval: 1m
  rules:
  - record: job:${ASSAY_P_METRIC}_requests:error_ratio_rate5m
    expr: >-
      sum by (job) (rate(${ASSAY_P_METRIC}_requests_total{code=~"5[0-9][0-9]"}[5m]))
      / on (job)
      sum by (job) (rate(${ASSAY_P_METRIC}_requests_total[5m]))
  - alert: ShopHighErrorRate
    expr: job:${ASSAY_P_METRIC}_requests:error_ratio_rate5m > 1 / 100
    for: 300s
    labels:
      severity: "$ASSAY_P_PAGE"
    annotations:
      summary: "Error budget burning: {{ \$value }} of requests fail"
  - alert: ShopHighLatency
    expr: 0.5 < histogram_quantile(0.99, sum by (le, job) (rate(${ASSAY_P_METRIC}_request_duration_seconds_bucket[5m])))
    for: 600s
    labels:
      severity: "$ASSAY_P_TICKET"
RULES
promtool check rules /etc/prometheus/rules.yml
