#!/bin/sh
# Near miss, on top of the reference solution: the ratio keeps the status code.
set -eu
sed -i "s/sum by (job) (rate(${ASSAY_P_METRIC}_requests_total/sum by (job, code) (rate(${ASSAY_P_METRIC}_requests_total/" /etc/prometheus/rules.yml
grep -q 'sum by (job, code)' /etc/prometheus/rules.yml
