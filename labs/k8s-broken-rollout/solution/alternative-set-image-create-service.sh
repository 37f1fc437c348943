#!/bin/sh
# Another way, with kubectl's generators: point the api container at the image the node has (a new revision,
# keeping 2.4's settings), and replace the Service with one kubectl create service makes: it selects
# app=<name> and forwards port 80 to 8080.
set -eu
app=$ASSAY_P_APP
kubectl get rs,pods -l app=$app -o wide || true
kubectl set image deployment/$app api=assay/workbench:latest
kubectl delete service $app
kubectl create service clusterip $app "--tcp=80:$ASSAY_P_PORT"
kubectl rollout status deployment/$app --timeout=120s
# Done when the Deployment's pods (three, all ready, the surge pod gone) are the Service's endpoints.
kubectl wait deployment/$app --for=condition=Available --timeout=60s
for attempt in $(seq 1 60); do
  pods=$(kubectl get pods -l app=$app -o jsonpath='{range .items[?(@.metadata.deletionTimestamp)]}x{end}')
  live=$(kubectl get pods -l app=$app --no-headers | wc -l)
  ready=$(kubectl get endpoints $app -o jsonpath='{.subsets[*].addresses[*].ip}' | wc -w)
  [ -z "$pods" ] && [ "$live" -eq 3 ] && [ "$ready" -eq 3 ] && break
  sleep 1
done
kubectl get endpoints $app
cat > /root/answer.md <<MD
- Rollout stuck: revision 2 asked for assay/$app:2.4, an image the node does not have (ErrImageNeverPull,
  pull policy Never). Rolled forward with kubectl set image to assay/workbench:latest.
- No endpoints: the Service selected app=$app-$ASSAY_P_SLOT, a label no pod carries. Recreated it with kubectl create
  service clusterip, which selects app=$app, port 80 to $ASSAY_P_PORT. Pod labels left alone.
MD
