#!/bin/sh
# Near miss (after the reference solution): the instrumentation, the restart and the scrape job are right, but
# the running Prometheus never loaded the job. Here Prometheus is started afresh (empty storage) from the
# configuration without the job, and the job is then put back in the file only: written, never loaded.
set -eu
config=/etc/prometheus/prometheus.yml
cp "$config" /tmp/prometheus.yml.with-job
sed -i '/job_name: device-registry/,$d' "$config"
pkill -f '^prometheus --config' || true
for _ in $(seq 1 50); do curl -fs http://127.0.0.1:9090/-/ready >/dev/null || break; sleep 0.1; done
rm -rf /var/lib/prometheus/data/*
setsid prometheus --config.file="$config" --storage.tsdb.path=/var/lib/prometheus/data \
  --web.listen-address=127.0.0.1:9090 --web.enable-lifecycle </dev/null >>/var/log/prometheus.log 2>&1 &
for _ in $(seq 1 80); do curl -fs http://127.0.0.1:9090/-/ready >/dev/null && break; sleep 0.1; done
cp /tmp/prometheus.yml.with-job "$config"
promtool check config "$config"
