#!/bin/sh
# A correct alternative: the error ratio as one minus the success ratio, and the p99 recorded before alerting on it.
set -eu
cat > /etc/prometheus/rules.yml <<RULES
groups:
  - name: shop-slo
    rules:
      - record: job:${ASSAY_P_METRIC}_requests:error_ratio_rate5m
        expr: 1 - sum without (code, instance) (rate(${ASSAY_P_METRIC}_requests_total{code!~"5.."}[5m])) / sum without (code, instance) (rate(${ASSAY_P_METRIC}_requests_total[5m]))
      - record: job:${ASSAY_P_METRIC}_request_duration_seconds:p99_rate5m
        expr: histogram_quantile(0.99, sum without (instance) (rate(${ASSAY_P_METRIC}_request_duration_seconds_bucket[5m])))
      - alert: ShopHighErrorRate
        expr: job:${ASSAY_P_METRIC}_requests:error_ratio_rate5m * 100 > 1
        for: 5m
        labels:
          severity: $ASSAY_P_PAGE
      - alert: ShopHighLatency
        expr: job:${ASSAY_P_METRIC}_request_duration_seconds:p99_rate5m > 0.5
        for: 10m
        labels:
          severity: $ASSAY_P_TICKET
RULES
