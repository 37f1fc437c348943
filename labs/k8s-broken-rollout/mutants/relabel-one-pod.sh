#!/bin/sh
# Near miss: rolls back, then "fixes" the Service by relabelling one running pod to the Service's selector. The
# pod leaves its ReplicaSet (which starts a replacement), the Service gets one unmanaged endpoint, and the selector
# still points at pods no controller keeps.
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
kubectl rollout status deployment/$app --timeout=90s
i=0
until [ "$(kubectl get pods -l app=$app --no-headers 2>/dev/null | wc -l)" -eq 3 ]; do
  i=$((i + 1)); [ "$i" -le 60 ] || { kubectl get pods -l app=$app >&2; exit 1; }
  sleep 1
done
kubectl wait pod -l app=$app --for=condition=Ready --timeout=60s
pod=$(kubectl get pods -l app=$app -o jsonpath='{.items[0].metadata.name}')
kubectl label pod "$pod" app=$app-$ASSAY_P_SLOT --overwrite
# The ReplicaSet replaces the pod it lost: wait for three app=$app pods again, all ready.
sleep 2
i=0
until [ "$(kubectl get pods -l app=$app --no-headers 2>/dev/null | wc -l)" -eq 3 ]; do
  i=$((i + 1)); [ "$i" -le 60 ] || { kubectl get pods --show-labels >&2; exit 1; }
  sleep 1
done
kubectl wait pod -l app=$app --for=condition=Ready --timeout=60s
kubectl rollout status deployment/$app --timeout=60s
i=0
until [ "$(kubectl get endpoints $app -o jsonpath='{.subsets[*].addresses[*].ip}' | wc -w)" -eq 1 ]; do
  i=$((i + 1)); [ "$i" -le 30 ] || { kubectl get endpoints $app -o yaml >&2; exit 1; }
  sleep 1
done
printf '%s\n' "- image assay/$app:2.4 missing on the node: rolled back." \
  "- the Service selector app=$app-$ASSAY_P_SLOT matched no pod: labelled a pod to match it." > /root/answer.md
