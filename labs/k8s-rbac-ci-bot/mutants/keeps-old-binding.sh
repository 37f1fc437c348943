#!/bin/sh
# Near miss: the new, narrow Role and its binding are right, but the old binding stays "until we are sure the
# pipeline still works", so ci-bot keeps every permission it had.
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
printf '%s\n' "Added ci-bot-deploy; the old binding can go once the next deploy is green. Rotate the MQTT password." \
  > /root/answer.md
sleep 2
