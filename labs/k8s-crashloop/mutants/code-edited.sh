# Near miss: the key and the command are fixed, but instead of pointing the probes at /healthz the released code
# is edited to answer /health. The pods come up; the worker is no longer the code that was released.
set -e
kubectl get configmap worker-code -o json | sed "s#req.url === '/healthz'#req.url === '/health'#" | kubectl replace -f -
kubectl patch deployment telemetry-worker --type=json -p '[
  {"op": "replace", "path": "/spec/template/spec/containers/0/env/0/valueFrom/configMapKeyRef/key", "value": "broker-url"},
  {"op": "replace", "path": "/spec/template/spec/containers/0/command", "value": ["node", "/app/telemetry-worker.js"]}
]'
kubectl rollout status deployment/telemetry-worker --timeout=90s
printf '%s\n' '- wrong ConfigMap key' '- wrong script name' '- the code answered /healthz, the probes ask /health: changed the code' > /root/answer.md
