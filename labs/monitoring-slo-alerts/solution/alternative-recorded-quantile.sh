#!/bin/sh
# A correct alternative: the error ratio as one minus the success ratio, and the p99 recorded before alerting on it.
set -eu
cat > /etc/prometheus/rules.yml <<'RULES'
groups:
  - name: shop-slo
    rules:
      - record: job:http_requests:error_ratio_rate5m
        expr: 1 - sum without (code, instance) (rate(http_requests_total{code!~"5.."}[5m])) / sum without (code, instance) (rate(http_requests_total[5m]))
      - record: job:http_request_duration_seconds:p99_rate5m
        expr: histogram_quantile(0.99, sum without (instance) (rate(http_request_duration_seconds_bucket[5m])))
      - alert: ShopHighErrorRate
        expr: job:http_requests:error_ratio_rate5m * 100 > 1
        for: 5m
        labels:
          severity: page
      - alert: ShopHighLatency
        expr: job:http_request_duration_seconds:p99_rate5m > 0.5
        for: 10m
        labels:
          severity: ticket
RULES
