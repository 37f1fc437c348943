#!/bin/sh
# Near miss (after the reference solution): the Service is recreated with kubectl expose --port 80 and no
# --target-port, so the target port defaults to 80 while the container listens on 8080. The selector is right and
# the Endpoints list the three pods, on the wrong port.
set -eu
app=$ASSAY_P_APP
kubectl delete service $app --wait=true
kubectl expose deployment $app --name=$app --port=80
i=0
until [ "$(kubectl get endpoints $app -o jsonpath='{.subsets[*].addresses[*].ip}' 2>/dev/null | wc -w)" -eq 3 ]; do
  i=$((i + 1)); [ "$i" -le 30 ] || { kubectl get endpoints $app -o yaml >&2; exit 1; }
  sleep 1
done
