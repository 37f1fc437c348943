#!/bin/sh
# Tamper: the Service wants app=device-api-v2, so give it to the three pods that are running; the rollout is
# left as it is.
set -eu
app=$ASSAY_P_APP
i=0
until [ "$(kubectl get pods -l app=$app,pod-template-hash=5d8c7b9f64 --no-headers 2>/dev/null | wc -l)" -eq 3 ]; do
  i=$((i + 1)); [ "$i" -le 60 ] || exit 1
  sleep 1
done
kubectl wait pod -l app=$app,pod-template-hash=5d8c7b9f64 --for=condition=Ready --timeout=60s
for pod in $(kubectl get pods -l app=$app,pod-template-hash=5d8c7b9f64 -o name); do
  kubectl label "$pod" app=$app-$ASSAY_P_SLOT --overwrite
done
i=0
until [ "$(kubectl get endpoints $app -o jsonpath='{.subsets[*].addresses[*].ip}' | wc -w)" -ge 3 ]; do
  i=$((i + 1)); [ "$i" -le 30 ] || break
  sleep 1
done
printf '%s\n' "image missing; selector $app-$ASSAY_P_SLOT matched nothing: labelled the pods" > /root/answer.md
