#!/bin/sh
# Near miss, on top of the reference solution: the ratio uses irate, the last two samples only, so errors that
# arrive in bursts swing it between 0 and several times the real ratio and the page never holds for 5 minutes.
set -eu
sed -i 's/(rate(http_requests_total/(irate(http_requests_total/g' /etc/prometheus/rules.yml
grep -q 'irate(http_requests_total\[5m\])' /etc/prometheus/rules.yml
