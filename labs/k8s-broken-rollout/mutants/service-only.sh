#!/bin/sh
# Near miss: the Service's selector is fixed (the old pods are still serving, so it gets endpoints), but the
# rollout is left stuck with its 2.4 pod in ErrImageNeverPull; the write-up names only the selector.
set -eu
app=$ASSAY_P_APP
kubectl patch service $app --type=strategic -p "{\"spec\":{\"selector\":{\"app\":\"$app\"}}}"
i=0
until [ "$(kubectl get endpoints $app -o jsonpath='{.subsets[*].addresses[*].ip}' | wc -w)" -eq 3 ]; do
  i=$((i + 1)); [ "$i" -le 60 ] || { kubectl get pods,endpoints >&2; exit 1; }
  sleep 1
done
printf '%s\n' "The Service selected app=$app-$ASSAY_P_SLOT, which no pod has: it now selects app=$app." > /root/answer.md
