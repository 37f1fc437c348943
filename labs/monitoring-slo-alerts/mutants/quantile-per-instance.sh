#!/bin/sh
# Near miss, on top of the reference solution: the p99 is taken per instance (no sum by le first), so the alert
# carries an instance label and a slow instance's tail is judged alone rather than the service's.
set -eu
m=$ASSAY_P_METRIC
sed -i "s/sum by (job, le) (rate(${m}_request_duration_seconds_bucket\\[5m\\]))/rate(${m}_request_duration_seconds_bucket[5m])/" \
  /etc/prometheus/rules.yml
grep -q "histogram_quantile(0.99, rate(${m}_request_duration_seconds_bucket\\[5m\\]))" /etc/prometheus/rules.yml
