#!/bin/sh
# The reference solution.
set -eu
cat > /etc/prometheus/rules.yml <<RULES
groups:
  - name: shop-slo
    rules:
      - record: job:${ASSAY_P_METRIC}_requests:error_ratio_rate5m
        expr: |
          sum by (job) (rate(${ASSAY_P_METRIC}_requests_total{code=~"5.."}[5m]))
            /
          sum by (job) (rate(${ASSAY_P_METRIC}_requests_total[5m]))
      - alert: ShopHighErrorRate
        expr: job:${ASSAY_P_METRIC}_requests:error_ratio_rate5m > 0.01
        for: 5m
        labels: {severity: $ASSAY_P_PAGE}
        annotations:
          summary: "{{ \$labels.job }}: {{ \$value | humanizePercentage }} of requests fail"
      - alert: ShopHighLatency
        expr: histogram_quantile(0.99, sum by (job, le) (rate(${ASSAY_P_METRIC}_request_duration_seconds_bucket[5m]))) > 0.5
        for: 10m
        labels: {severity: $ASSAY_P_TICKET}
        annotations:
          summary: "{{ \$labels.job }}: p99 latency {{ \$value | humanizeDuration }}"
RULES
promtool check rules /etc/prometheus/rules.yml
