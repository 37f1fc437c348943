# Another way: give the ConfigMap the key the Deployment asks for, edit the manifest and apply it back, and
# restart the rollout so the pods read the new key.
set -e
kubectl patch configmap worker-settings --type=merge -p '{"data": {"broker_url": "mqtt://broker.iiot.svc:1883"}}'
kubectl get deployment telemetry-worker -o yaml > /tmp/worker.yaml
sed -i -e 's#/app/worker.js#/app/telemetry-worker.js#' -e 's#path: /health$#path: /healthz#' /tmp/worker.yaml
kubectl apply -f /tmp/worker.yaml
kubectl rollout status deployment/telemetry-worker --timeout=90s
printf '%s\n' '- the env var pointed at a ConfigMap key (broker_url) that did not exist: added it' \
  '- command: /app/worker.js is not the mounted file name' '- readiness and liveness probes used /health' > /root/answer.md
