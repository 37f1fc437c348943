#!/bin/sh
# Near miss, on top of the reference solution: flow-audit's own policy is right, but a second one "to debug from the
# workbench" admits every source on 8080. Policies add up: flow-audit is open to every pod and address.
set -eu
kubectl apply -f - <<'YAML'
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: flow-audit-debug
spec:
  podSelector:
    matchLabels: {app: flow-audit}
  ingress:
    - ports:
        - port: 8080
YAML
