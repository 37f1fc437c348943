#!/bin/sh
# Near miss (after the reference solution): Prometheus scrapes the service, but from a copy of the configuration
# in /root; /etc/prometheus/prometheus.yml is left as it was planted, so the next restart loses the job.
set -eu
config=/etc/prometheus/prometheus.yml
mkdir -p /root/prometheus
cp "$config" /root/prometheus/prometheus.yml
sed -i '/job_name: device-registry/,$d' "$config"
sed -i -e :a -e '/^\n*$/{$d;N;ba' -e '}' "$config"
promtool check config "$config"
pkill -f '^prometheus --config' || true
while curl -s -o /dev/null http://127.0.0.1:9090/-/healthy; do sleep 0.1; done
setsid prometheus --config.file=/root/prometheus/prometheus.yml --storage.tsdb.path=/var/lib/prometheus/data \
  --web.listen-address=127.0.0.1:9090 --web.enable-lifecycle </dev/null >>/var/log/prometheus.log 2>&1 &
i=0
until curl -fs 'http://127.0.0.1:9090/api/v1/targets?scrapePool=device-registry' | grep -q '"health":"up"'; do
  i=$((i + 1)); [ $i -lt 120 ] || exit 1; sleep 0.5
done
