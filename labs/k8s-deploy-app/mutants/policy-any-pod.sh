#!/bin/sh
# Near miss, on top of the reference solution: the policy's ingress allows from podSelector {} (every pod of
# the namespace), not just the frontend.
set -eu
kubectl patch networkpolicy/flow-audit --type=json \
  -p '[{"op":"replace","path":"/spec/ingress/0/from","value":[{"podSelector":{}}]}]'
