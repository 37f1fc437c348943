#!/bin/sh
# Near miss, on top of the reference solution: readiness only; a process that hangs is taken out of the
# Service but never restarted.
set -eu
kubectl patch deployment/flow-audit --type=json \
  -p '[{"op":"remove","path":"/spec/template/spec/containers/0/livenessProbe"}]'
kubectl rollout status deployment/flow-audit --timeout=90s
