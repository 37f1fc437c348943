#!/bin/sh
# Plants the starter rules file the candidate completes. The metrics' prefix and the job are the session's
# ($ASSAY_P_METRIC, $ASSAY_P_JOB: lab.yaml, parameters), named in its comment as the instructions name them.
set -eu
mkdir -p /etc/prometheus
cat > /etc/prometheus/rules.yml <<RULES
# Rules for the shop API (job="$ASSAY_P_JOB"). Metrics: ${ASSAY_P_METRIC}_requests_total{job, code}, and the histogram
# ${ASSAY_P_METRIC}_request_duration_seconds_bucket{job, le}. Check with: promtool check rules /etc/prometheus/rules.yml
groups:
  - name: shop-slo
    rules: []
RULES
