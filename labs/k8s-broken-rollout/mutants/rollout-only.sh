#!/bin/sh
# Near miss: the rollout is rolled back and healthy, but the Service still selects app=device-api-v2 and has no
# endpoints; the write-up names only the image.
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
printf '%s\n' "Revision 2 used the image assay/$app:2.4, not on the node (ErrImageNeverPull): rolled back." \
  > /root/answer.md
