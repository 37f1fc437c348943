#!/bin/sh
# The reference solution: one Role with exactly what the pipeline does (read deployments, replica sets, pods and
# pod logs; patch and update only the flow-runner Deployment), bound to ci-bot; the old grant deleted; checked
# with ci-bot's own token (the candidate cannot impersonate it).
set -eu
kubectl apply -f - <<'YAML'
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: ci-bot-deploy
rules:
  - apiGroups: [apps]
    resources: [deployments, replicasets]
    verbs: [get, list, watch]
  - apiGroups: [apps]
    resources: [deployments]
    resourceNames: [flow-runner]
    verbs: [patch, update]
  - apiGroups: [""]
    resources: [pods]
    verbs: [get, list, watch]
  - apiGroups: [""]
    resources: [pods/log]
    verbs: [get]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: ci-bot-deploy
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: Role
  name: ci-bot-deploy
subjects:
  - kind: ServiceAccount
    name: ci-bot
YAML
kubectl delete rolebinding ci-bot-everything
kubectl delete role ci-bot-everything

cat > /root/answer.md <<'MD'
Checked with ci-bot's own token (from its token Secret): `kubectl --token "$T" auth can-i --list`, and
`auth can-i patch deployment/flow-runner` (yes), `patch deployment/other` (no), `get secrets`, `create pods/exec`,
`delete deployments`, `create rolebindings` (all no).
Until today the CI token could read mqtt-credentials and grant itself anything: rotate the MQTT password and the
ci-bot token, and look through the audit log for what the token did.
MD

# Ask the API server as ci-bot until the new grant is in force (the authorizer's cache follows within moments).
secret=$(kubectl get serviceaccount ci-bot -o jsonpath='{.secrets[0].name}')
token=$(kubectl get secret "$secret" -o jsonpath='{.data.token}' | base64 -d)
i=0
until kubectl --token "$token" auth can-i patch deployments/flow-runner >/dev/null \
    && ! kubectl --token "$token" auth can-i get secrets >/dev/null; do
  i=$((i + 1))
  [ "$i" -lt 20 ] || { echo "ci-bot's access did not change" >&2; exit 1; }
  sleep 0.5
done
