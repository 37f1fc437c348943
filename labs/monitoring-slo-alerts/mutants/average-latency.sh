#!/bin/sh
# Near miss, on top of the reference solution: alerts on the average latency.
set -eu
m=$ASSAY_P_METRIC
sed -i "s|expr: histogram_quantile(0.99, sum by (job, le) (rate(${m}_request_duration_seconds_bucket\\[5m\\]))) > 0.5|expr: sum by (job) (rate(${m}_request_duration_seconds_sum[5m])) / sum by (job) (rate(${m}_request_duration_seconds_count[5m])) > 0.5|" \
  /etc/prometheus/rules.yml
grep -q "${m}_request_duration_seconds_sum" /etc/prometheus/rules.yml
