#!/bin/sh
# Near miss, on top of the reference solution: requests only; the limits come from the namespace's LimitRange
# defaults, which the Deployment does not state.
set -eu
kubectl patch deployment/flow-audit --type=json \
  -p '[{"op":"remove","path":"/spec/template/spec/containers/0/resources/limits"}]'
kubectl rollout status deployment/flow-audit --timeout=90s
