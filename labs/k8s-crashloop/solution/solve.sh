# The reference: read the events, fix each cause in the Deployment, wait for the rollout, write down what was wrong.
set -e
kubectl describe pods -l app=telemetry-worker | grep -E 'Error|Warning' | head -5 || true
kubectl patch deployment telemetry-worker --type=json -p '[
  {"op": "replace", "path": "/spec/template/spec/containers/0/env/0/valueFrom/configMapKeyRef/key", "value": "broker-url"},
  {"op": "replace", "path": "/spec/template/spec/containers/0/command", "value": ["node", "/app/telemetry-worker.js"]},
  {"op": "replace", "path": "/spec/template/spec/containers/0/readinessProbe/httpGet/path", "value": "/healthz"},
  {"op": "replace", "path": "/spec/template/spec/containers/0/livenessProbe/httpGet/path", "value": "/healthz"}
]'
kubectl rollout status deployment/telemetry-worker --timeout=90s
cat > /root/answer.md <<'NOTES'
1. CreateContainerConfigError: BROKER_URL referenced key broker_url, but the worker-settings ConfigMap has broker-url.
2. CrashLoopBackOff: the command ran /app/worker.js; the ConfigMap mounts the script as /app/telemetry-worker.js
   ("Cannot find module" in kubectl logs --previous).
3. Restarts: both probes asked for /health, the worker answers on /healthz, so liveness killed it every few seconds.
NOTES
