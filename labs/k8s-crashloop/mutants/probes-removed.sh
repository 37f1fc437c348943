# Near miss: the probes were "the problem", so they go.
set -e
kubectl patch deployment telemetry-worker --type=json -p '[
  {"op": "remove", "path": "/spec/template/spec/containers/0/readinessProbe"},
  {"op": "remove", "path": "/spec/template/spec/containers/0/livenessProbe"}
]'
kubectl rollout status deployment/telemetry-worker --timeout=90s
