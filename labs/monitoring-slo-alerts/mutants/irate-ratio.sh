#!/bin/sh
# Near miss, on top of the reference solution: the ratio uses irate, the last two samples only, so errors that
# arrive in bursts swing it between 0 and several times the real ratio and the page never holds for 5 minutes.
set -eu
sed -i "s/(rate(${ASSAY_P_METRIC}_requests_total/(irate(${ASSAY_P_METRIC}_requests_total/g" /etc/prometheus/rules.yml
grep -q "irate(${ASSAY_P_METRIC}_requests_total\\[5m\\])" /etc/prometheus/rules.yml
