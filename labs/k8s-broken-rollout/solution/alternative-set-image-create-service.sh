#!/bin/sh
# Another way, with kubectl's generators: point the api container at the image the node has (a new revision,
# keeping 2.4's settings), and replace the Service with one kubectl create service makes: it selects
# app=<name> and forwards port 80 to 8080.
set -eu
kubectl get rs,pods -l app=device-api -o wide || true
kubectl set image deployment/device-api api=assay/workbench:latest
kubectl delete service device-api
kubectl create service clusterip device-api --tcp=80:8080
kubectl rollout status deployment/device-api --timeout=120s
# Done when the Deployment's pods (three, all ready, the surge pod gone) are the Service's endpoints.
kubectl wait deployment/device-api --for=condition=Available --timeout=60s
for attempt in $(seq 1 60); do
  pods=$(kubectl get pods -l app=device-api -o jsonpath='{range .items[?(@.metadata.deletionTimestamp)]}x{end}')
  live=$(kubectl get pods -l app=device-api --no-headers | wc -l)
  ready=$(kubectl get endpoints device-api -o jsonpath='{.subsets[*].addresses[*].ip}' | wc -w)
  [ -z "$pods" ] && [ "$live" -eq 3 ] && [ "$ready" -eq 3 ] && break
  sleep 1
done
kubectl get endpoints device-api
cat > /root/answer.md <<'MD'
- Rollout stuck: revision 2 asked for assay/device-api:2.4, an image the node does not have (ErrImageNeverPull,
  pull policy Never). Rolled forward with kubectl set image to assay/workbench:latest.
- No endpoints: the Service selected app=device-api-v2, a label no pod carries. Recreated it with kubectl create
  service clusterip, which selects app=device-api, port 80 to 8080. Pod labels left alone.
MD
