#!/bin/sh
# Near miss (after the reference solution): restarted by hand as root, so the forwarder runs with root's powers.
set -eu
service telemetryd stop
nohup /usr/local/bin/telemetryd </dev/null >/dev/null 2>&1 &
until curl -fs -o /dev/null http://127.0.0.1:8090/healthz; do sleep 0.2; done
