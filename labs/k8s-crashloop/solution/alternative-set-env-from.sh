# Another way, with kubectl's own verbs: take the whole worker-settings ConfigMap into the environment (kubectl
# names broker-url BROKER_URL), give node the script as an argument, and point both probes at /healthz on the
# port's name, with a strategic merge patch.
set -e
kubectl get events --sort-by=.lastTimestamp | tail -5 || true
kubectl set env deployment/telemetry-worker --from=configmap/worker-settings -c worker
kubectl patch deployment telemetry-worker --type=strategic -p '{"spec": {"template": {"spec": {"containers": [{
  "name": "worker",
  "command": ["node"],
  "args": ["/app/telemetry-worker.js"],
  "readinessProbe": {"httpGet": {"path": "/healthz", "port": "health"}},
  "livenessProbe": {"httpGet": {"path": "/healthz", "port": "health"}}}]}}}}'
kubectl rollout status deployment/telemetry-worker --timeout=90s
cat > /root/answer.md <<'NOTES'
- BROKER_URL asked worker-settings for the key broker_url; the ConfigMap calls it broker-url (CreateContainerConfigError).
- node was started on /app/worker.js, but the code is mounted as /app/telemetry-worker.js (Cannot find module).
- Readiness and liveness probes asked /health; the worker serves /healthz, so liveness kept restarting it.
NOTES
