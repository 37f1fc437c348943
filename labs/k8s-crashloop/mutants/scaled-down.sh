# Near miss: scaled down to one replica while debugging, and never scaled back.
set -e
kubectl scale deployment telemetry-worker --replicas=1
kubectl rollout status deployment/telemetry-worker --timeout=90s
