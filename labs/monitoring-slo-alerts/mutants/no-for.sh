#!/bin/sh
# Near miss, on top of the reference solution: the error alert has no for clause.
set -eu
sed -i '/^        for: 5m$/d' /etc/prometheus/rules.yml
