#!/bin/sh
# Near miss: the Service's selector is fixed (the old pods are still serving, so it gets endpoints), but the
# rollout is left stuck with its 2.4 pod in ErrImageNeverPull; the write-up names only the selector.
set -eu
kubectl patch service device-api --type=strategic -p '{"spec":{"selector":{"app":"device-api"}}}'
i=0
until [ "$(kubectl get endpoints device-api -o jsonpath='{.subsets[*].addresses[*].ip}' | wc -w)" -eq 3 ]; do
  i=$((i + 1)); [ "$i" -le 60 ] || { kubectl get pods,endpoints >&2; exit 1; }
  sleep 1
done
printf '%s\n' 'The Service selected app=device-api-v2, which no pod has: it now selects app=device-api.' > /root/answer.md
