#!/bin/sh
# A correct alternative: roll forward instead of back. Keep what works of 2.4 (JSON logs), put the image the
# cluster has back and the version it really runs, in one new revision (one patch, so one rollout);
# then apply the Service's manifest with the right selector.
set -eu
# Look first, as anyone would: the 2.4 ReplicaSet is there and the controller has seen the release.
i=0
until [ "$(kubectl get rs -l app=device-api -o name | wc -l)" -ge 2 ] \
  && [ "$(kubectl get deployment device-api -o jsonpath='{.status.observedGeneration}')" \
       = "$(kubectl get deployment device-api -o jsonpath='{.metadata.generation}')" ]; do
  i=$((i + 1)); [ "$i" -le 30 ] || { kubectl get deployment,rs -l app=device-api >&2; exit 1; }
  sleep 1
done
# One edit, so one new revision: the image the cluster has, the version it really runs, 2.4's JSON logs kept
# (a strategic merge patch merges env by name).
kubectl patch deployment device-api --type=strategic -p '{
  "metadata": {"annotations": {"kubernetes.io/change-cause":
    "device-api 2.3.1 code with 2.4 JSON logs: the 2.4 image is not on the cluster"}},
  "spec": {"template": {"spec": {"containers": [
    {"name": "api", "image": "assay/workbench:latest", "env": [{"name": "APP_VERSION", "value": "2.3.1"}]}]}}}}'
kubectl apply -f - <<'YAML'
apiVersion: v1
kind: Service
metadata:
  name: device-api
  labels:
    app: device-api
spec:
  type: ClusterIP
  selector:
    app: device-api
  ports:
    - name: http
      port: 80
      targetPort: http
YAML
kubectl rollout status deployment/device-api --timeout=90s
# Old pods drain after the rollout: wait until only the three new ones are left, all ready.
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
printf '%s\n' \
  '- Rollout stuck: revision 2 runs image assay/device-api:2.4, which the node does not have (ErrImageNeverPull).' \
  '  Rolled forward on assay/workbench:latest, keeping the JSON logs of 2.4.' \
  '- No endpoints: the Service selector app=device-api-v2 matched no pod; it selects app=device-api again.' \
  > /root/answer.md
