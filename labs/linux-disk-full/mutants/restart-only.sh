#!/bin/sh
# Near miss: the restart frees the space, but nothing stops the log from filling the volume again.
set -eu
service telemetryd restart
until curl -fs -o /dev/null http://127.0.0.1:8090/healthz; do sleep 0.2; done
