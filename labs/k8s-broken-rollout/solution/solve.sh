#!/bin/sh
# The reference solution: roll back to the revision that worked (2.3.1), point the Service back at the pods'
# own label, wait for the rollout and the endpoints, and write down the two causes.
set -eu
# The controller must have adopted revision 1 and made revision 2 before there is history to undo.
i=0
until [ "$(kubectl get rs -l app=device-api -o name | wc -l)" -ge 2 ] \
  && [ "$(kubectl get deployment device-api -o jsonpath='{.status.observedGeneration}')" \
       = "$(kubectl get deployment device-api -o jsonpath='{.metadata.generation}')" ]; do
  i=$((i + 1)); [ "$i" -le 30 ] || { kubectl get deployment,rs -l app=device-api >&2; exit 1; }
  sleep 1
done
kubectl rollout undo deployment/device-api
kubectl patch service device-api --type=strategic -p '{"spec":{"selector":{"app":"device-api"}}}'
kubectl rollout status deployment/device-api --timeout=90s
# The stuck 2.4 pod is being deleted: wait until only the three 2.3.1 pods are left, all ready.
i=0
until [ "$(kubectl get pods -l app=device-api --no-headers 2>/dev/null | wc -l)" -eq 3 ]; do
  i=$((i + 1)); [ "$i" -le 60 ] || { kubectl get pods -l app=device-api >&2; exit 1; }
  sleep 1
done
kubectl wait pod -l app=device-api --for=condition=Ready --timeout=60s
i=0
until [ "$(kubectl get endpoints device-api -o jsonpath='{.subsets[*].addresses[*].ip}' | wc -w)" -eq 3 ]; do
  i=$((i + 1)); [ "$i" -le 30 ] || { kubectl get endpoints device-api -o yaml >&2; exit 1; }
  sleep 1
done
kubectl get endpoints device-api
cat > /root/answer.md <<'MD'
1. The 2.4 revision uses the image assay/device-api:2.4, which is not on the node (pull policy Never, no
   registry): its pod sat in ErrImageNeverPull and, with maxUnavailable 0, the rollout could never progress.
   Rolled back to revision 1 (2.3.1) with kubectl rollout undo.
2. The Service's selector was app=device-api-v2, a label no pod has, so it had no endpoints. Set it back to
   app=device-api (the label the Deployment and the PDB select on) instead of relabelling pods.
MD
