#!/bin/sh
# A correct alternative in another form: the live Deployment exported, edited with jq (three replicas, probes by
# port number with a startupProbe in front of the liveness probe, resources) and put back with kubectl replace; the
# budget as maxUnavailable 50% (with three replicas: at most two evicted, one always kept); the policy with its
# frontend peer as a set-based selector and the port by name; each object from its own file.
set -eu
kubectl get deployment flow-audit -o json | jq '
  del(.status, .metadata.resourceVersion, .metadata.uid, .metadata.creationTimestamp, .metadata.generation,
      .metadata.managedFields, .metadata.annotations)
  | .spec.replicas = 3
  | .spec.template.spec.containers |= map(if .name == "flow-audit" then . + {
      startupProbe: {httpGet: {path: "/healthz", port: 8080}, periodSeconds: 1, failureThreshold: 30},
      readinessProbe: {httpGet: {path: "/readyz", port: 8080, scheme: "HTTP"}, periodSeconds: 5},
      livenessProbe: {httpGet: {path: "/healthz", port: 8080}, periodSeconds: 10, failureThreshold: 3},
      resources: {requests: {cpu: "25m", memory: "48Mi"}, limits: {cpu: "500m", memory: "192Mi"}}
    } else . end)' > /tmp/flow-audit-deployment.json
# kubectl replace reads the live resourceVersion and sends it back: when the controller updates the Deployment's
# status in between, the API server answers 409 Conflict, and the edit is simply sent again.
tries=0
until kubectl replace -f /tmp/flow-audit-deployment.json; do
  tries=$((tries + 1))
  [ "$tries" -lt 5 ] || exit 1
  sleep 1
done
cat > /tmp/flow-audit-pdb.yaml <<'YAML'
apiVersion: policy/v1beta1
kind: PodDisruptionBudget
metadata:
  name: flow-audit
  labels: {app: flow-audit}
spec:
  maxUnavailable: 50%
  selector:
    matchLabels: {app: flow-audit}
YAML
cat > /tmp/flow-audit-netpol.yaml <<'YAML'
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: flow-audit
spec:
  policyTypes: [Ingress]
  podSelector:
    matchExpressions:
      - {key: app, operator: In, values: [flow-audit]}
  ingress:
    - from:
        - podSelector:
            matchExpressions:
              - {key: role, operator: In, values: [frontend]}
      ports:
        - {port: http, protocol: TCP}
YAML
kubectl apply -f /tmp/flow-audit-pdb.yaml
kubectl apply -f /tmp/flow-audit-netpol.yaml
kubectl rollout status deployment/flow-audit --timeout=120s
