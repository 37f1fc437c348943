#!/bin/sh
# A correct alternative, with kubectl's imperative commands: pause the rollout, set resources, patch in the
# probes and scale, resume (one rollout instead of three); create the PodDisruptionBudget with kubectl create
# (maxUnavailable this time), and the NetworkPolicy from JSON with set-based selectors and the named port.
set -eu
kubectl rollout pause deployment/flow-audit
kubectl set resources deployment/flow-audit -c flow-audit \
  --requests=cpu=100m,memory=96Mi --limits=cpu=500m,memory=256Mi
kubectl patch deployment/flow-audit --type=strategic -p '{"spec":{"template":{"spec":{"containers":[{
  "name":"flow-audit",
  "readinessProbe":{"httpGet":{"path":"/readyz","port":8080},"periodSeconds":3},
  "livenessProbe":{"httpGet":{"path":"/healthz","port":8080},"initialDelaySeconds":10,"periodSeconds":15}
}]}}}}'
kubectl scale deployment/flow-audit --replicas=3
kubectl rollout resume deployment/flow-audit
kubectl create poddisruptionbudget flow-audit --selector=app=flow-audit --max-unavailable=1
kubectl create -f - <<'JSON'
{
  "apiVersion": "networking.k8s.io/v1",
  "kind": "NetworkPolicy",
  "metadata": {"name": "flow-audit", "labels": {"app": "flow-audit"}},
  "spec": {
    "podSelector": {"matchExpressions": [{"key": "app", "operator": "In", "values": ["flow-audit"]}]},
    "ingress": [{
      "from": [{"podSelector": {"matchExpressions": [{"key": "role", "operator": "In", "values": ["frontend"]}]}}],
      "ports": [{"port": "http"}]
    }]
  }
}
JSON
kubectl rollout status deployment/flow-audit --timeout=90s
