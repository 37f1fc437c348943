#!/bin/sh
# A correct alternative: roll forward instead of back. Keep what works of 2.4 (JSON logs), put the image the
# cluster has back and the version it really runs, in one new revision (one patch, so one rollout);
# then apply the Service's manifest with the right selector.
set -eu
app=$ASSAY_P_APP
# Look first, as anyone would: the 2.4 ReplicaSet is there and the controller has seen the release.
i=0
until [ "$(kubectl get rs -l app=$app -o name | wc -l)" -ge 2 ] \
  && [ "$(kubectl get deployment $app -o jsonpath='{.status.observedGeneration}')" \
       = "$(kubectl get deployment $app -o jsonpath='{.metadata.generation}')" ]; do
  i=$((i + 1)); [ "$i" -le 30 ] || { kubectl get deployment,rs -l app=$app >&2; exit 1; }
  sleep 1
done
# One edit, so one new revision: the image the cluster has, the version it really runs, 2.4's JSON logs kept
# (a strategic merge patch merges env by name).
kubectl patch deployment $app --type=strategic -p '{
  "metadata": {"annotations": {"kubernetes.io/change-cause":
    "2.3.1 code with 2.4 JSON logs: the 2.4 image is not on the cluster"}},
  "spec": {"template": {"spec": {"containers": [
    {"name": "api", "image": "assay/workbench:latest", "env": [{"name": "APP_VERSION", "value": "2.3.1"}]}]}}}}'
kubectl apply -f - <<YAML
apiVersion: v1
kind: Service
metadata:
  name: $app
  labels:
    app: $app
spec:
  type: ClusterIP
  selector:
    app: $app
  ports:
    - name: http
      port: 80
      targetPort: http
YAML
kubectl rollout status deployment/$app --timeout=90s
# Old pods drain after the rollout (a terminating pod is on its way out and no longer the Deployment's): wait until
# the pods not being deleted are the three new ones, all ready.
live='{{range .items}}{{if not .metadata.deletionTimestamp}}{{range .status.conditions}}{{if and (eq .type "Ready") (eq .status "True")}}x{{end}}{{end}}{{end}}{{end}}'
all='{{range .items}}{{if not .metadata.deletionTimestamp}}x{{end}}{{end}}'
i=0
until [ "$(kubectl get pods -l app=$app -o go-template="$live")" = xxx ] \
  && [ "$(kubectl get pods -l app=$app -o go-template="$all")" = xxx ]; do
  i=$((i + 1)); [ "$i" -le 60 ] || { kubectl get pods -l app=$app >&2; exit 1; }
  sleep 1
done
i=0
until [ "$(kubectl get endpoints $app -o jsonpath='{.subsets[*].addresses[*].ip}' | wc -w)" -eq 3 ]; do
  i=$((i + 1)); [ "$i" -le 30 ] || { kubectl get endpoints $app -o yaml >&2; exit 1; }
  sleep 1
done
printf '%s\n' \
  "- Rollout stuck: revision 2 runs image assay/$app:2.4, which the node does not have (ErrImageNeverPull)." \
  '  Rolled forward on assay/workbench:latest, keeping the JSON logs of 2.4.' \
  "- No endpoints: the Service selector app=$app-$ASSAY_P_SLOT matched no pod; it selects app=$app again." \
  > /root/answer.md
