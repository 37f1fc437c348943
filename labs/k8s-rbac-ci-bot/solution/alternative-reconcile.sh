#!/bin/sh
# A correct alternative in another form: a JSON List applied with kubectl auth reconcile, one rule per verb for the
# named Deployment, pods and their logs read in one rule (get, list and watch on pods/log too, for kubectl logs -f),
# the old grant removed first with one command for both kinds, and the bot's access checked with its own token.
set -eu
kubectl delete rolebinding,role ci-bot-everything
cat > /tmp/ci-bot-rbac.json <<'JSON'
{"apiVersion": "v1", "kind": "List", "items": [
  {"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "Role", "metadata": {"name": "ci-bot-deploy"},
   "rules": [
     {"apiGroups": ["apps"], "resources": ["deployments"], "resourceNames": ["flow-runner"], "verbs": ["patch"]},
     {"apiGroups": ["apps"], "resources": ["deployments"], "resourceNames": ["flow-runner"], "verbs": ["update"]},
     {"apiGroups": ["apps"], "resources": ["replicasets", "deployments"], "verbs": ["watch", "list", "get"]},
     {"apiGroups": [""], "resources": ["pods/log", "pods"], "verbs": ["get", "list", "watch"]}]},
  {"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "RoleBinding", "metadata": {"name": "ci-bot-deploy"},
   "roleRef": {"apiGroup": "rbac.authorization.k8s.io", "kind": "Role", "name": "ci-bot-deploy"},
   "subjects": [{"kind": "ServiceAccount", "name": "ci-bot"}]}]}
JSON
kubectl auth reconcile -f /tmp/ci-bot-rbac.json
secret=$(kubectl get serviceaccount ci-bot -o jsonpath='{.secrets[0].name}')
token=$(kubectl get secret "$secret" -o jsonpath='{.data.token}' | base64 -d)
i=0
until kubectl --token "$token" auth can-i update deployments/flow-runner >/dev/null \
    && ! kubectl --token "$token" auth can-i delete secrets >/dev/null; do
  i=$((i + 1))
  [ "$i" -lt 20 ] || { echo "ci-bot's access did not change" >&2; exit 1; }
  sleep 0.5
done
cat > /root/answer.md <<'MD'
Checked with ci-bot's token: auth can-i --list shows only reads, pods/log and patch/update on flow-runner.
The token could read mqtt-credentials and create role bindings until now: change the broker password, replace
the CI token, and go through the audit log for anything it did.
MD
