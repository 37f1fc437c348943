#!/bin/sh
# Plants the starter rules file the candidate completes.
set -eu
mkdir -p /etc/prometheus
cat > /etc/prometheus/rules.yml <<'RULES'
# Rules for the shop API. Metrics: http_requests_total{job, code}, and the histogram
# http_request_duration_seconds_bucket{job, le}. Check with: promtool check rules /etc/prometheus/rules.yml
groups:
  - name: shop-slo
    rules: []
RULES
