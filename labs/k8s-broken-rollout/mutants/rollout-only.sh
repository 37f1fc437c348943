#!/bin/sh
# Near miss: the rollout is rolled back and healthy, but the Service still selects app=device-api-v2 and has no
# endpoints; the write-up names only the image.
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
kubectl rollout status deployment/device-api --timeout=90s
i=0
until [ "$(kubectl get pods -l app=device-api --no-headers 2>/dev/null | wc -l)" -eq 3 ]; do
  i=$((i + 1)); [ "$i" -le 60 ] || { kubectl get pods -l app=device-api >&2; exit 1; }
  sleep 1
done
kubectl wait pod -l app=device-api --for=condition=Ready --timeout=60s
printf '%s\n' 'Revision 2 used the image assay/device-api:2.4, not on the node (ErrImageNeverPull): rolled back.' \
  > /root/answer.md
