#!/bin/sh
# The reference solution: roll back to the revision that worked (2.3.1), point the Service back at the pods'
# own label, wait for the rollout and the endpoints, and write down the two causes.
set -eu
app=$ASSAY_P_APP
# The controller must have adopted revision 1 and made revision 2 before there is history to undo.
i=0
until [ "$(kubectl get rs -l app=$app -o name | wc -l)" -ge 2 ] \
  && [ "$(kubectl get deployment $app -o jsonpath='{.status.observedGeneration}')" \
       = "$(kubectl get deployment $app -o jsonpath='{.metadata.generation}')" ]; do
  i=$((i + 1)); [ "$i" -le 30 ] || { kubectl get deployment,rs -l app=$app >&2; exit 1; }
  sleep 1
done
kubectl rollout undo deployment/$app
kubectl patch service $app --type=strategic -p "{\"spec\":{\"selector\":{\"app\":\"$app\"}}}"
kubectl rollout status deployment/$app --timeout=90s
# The stuck 2.4 pod is being deleted: wait until only the three 2.3.1 pods are left, all ready.
i=0
until [ "$(kubectl get pods -l app=$app --no-headers 2>/dev/null | wc -l)" -eq 3 ]; do
  i=$((i + 1)); [ "$i" -le 60 ] || { kubectl get pods -l app=$app >&2; exit 1; }
  sleep 1
done
kubectl wait pod -l app=$app --for=condition=Ready --timeout=60s
i=0
until [ "$(kubectl get endpoints $app -o jsonpath='{.subsets[*].addresses[*].ip}' | wc -w)" -eq 3 ]; do
  i=$((i + 1)); [ "$i" -le 30 ] || { kubectl get endpoints $app -o yaml >&2; exit 1; }
  sleep 1
done
kubectl get endpoints $app
cat > /root/answer.md <<MD
1. The 2.4 revision uses the image assay/$app:2.4, which is not on the node (pull policy Never, no
   registry): its pod sat in ErrImageNeverPull and, with maxUnavailable 0, the rollout could never progress.
   Rolled back to revision 1 (2.3.1) with kubectl rollout undo.
2. The Service's selector was app=$app-$ASSAY_P_SLOT, a label no pod has, so it had no endpoints. Set it back to
   app=$app (the label the Deployment and the PDB select on) instead of relabelling pods.
MD
