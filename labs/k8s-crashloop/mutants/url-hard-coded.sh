# Near miss: the broker URL written into the Deployment, so the ConfigMap no longer configures anything.
set -e
kubectl set env deployment/telemetry-worker BROKER_URL=mqtt://broker.iiot.svc:1883
kubectl rollout status deployment/telemetry-worker --timeout=90s
