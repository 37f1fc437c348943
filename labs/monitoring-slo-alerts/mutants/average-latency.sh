#!/bin/sh
# Near miss: alerts on the average latency.
set -eu
cat > /etc/prometheus/rules.yml <<'RULES'
groups:
  - name: shop-slo
    rules:
      - record: job:http_requests:error_ratio_rate5m
        expr: |
          sum by (job) (rate(http_requests_total{code=~"5.."}[5m]))
            /
          sum by (job) (rate(http_requests_total[5m]))
      - alert: ShopHighErrorRate
        expr: job:http_requests:error_ratio_rate5m > 0.01
        for: 5m
        labels: {severity: page}
        annotations:
          summary: "{{ $labels.job }}: {{ $value | humanizePercentage }} of requests fail"
      - alert: ShopHighLatency
        expr: sum by (job) (rate(http_request_duration_seconds_sum[5m])) / sum by (job) (rate(http_request_duration_seconds_count[5m])) > 0.5
        for: 10m
        labels: {severity: ticket}
        annotations:
          summary: "{{ $labels.job }}: p99 latency {{ $value | humanizeDuration }}"
RULES
promtool check rules /etc/prometheus/rules.yml
