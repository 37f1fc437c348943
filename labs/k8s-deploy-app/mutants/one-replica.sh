#!/bin/sh
# Near miss, on top of the reference solution: probes, resources, budget and policy, but one replica (and a
# budget with minAvailable 1 that now blocks every drain).
set -eu
kubectl scale deployment/flow-audit --replicas=1
kubectl rollout status deployment/flow-audit --timeout=90s
