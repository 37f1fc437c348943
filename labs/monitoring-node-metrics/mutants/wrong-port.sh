#!/bin/sh
# Near miss, on top of the reference solution: the scrape job targets port 3000 (the Node.js habit), where nothing
# listens; the configuration is valid and loaded, and the target is down.
set -eu
sed -i "s|- targets: \['127.0.0.1:8080'\]|- targets: ['127.0.0.1:3000']|" /etc/prometheus/prometheus.yml
grep -q "127.0.0.1:3000" /etc/prometheus/prometheus.yml
promtool check config /etc/prometheus/prometheus.yml
curl -fs -X POST http://127.0.0.1:9090/-/reload
# Wait for the first scrape of the wrong target, so that Prometheus reports it down.
for _ in $(seq 1 60); do
  curl -fs 'http://127.0.0.1:9090/api/v1/query?query=up%7Bjob%3D%22device-registry%22%7D' | grep -q '"value":\[[0-9.]*,"0"\]' && exit 0
  sleep 0.5
done
exit 1
