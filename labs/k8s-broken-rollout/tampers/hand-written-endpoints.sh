#!/bin/sh
# Tamper: take the Service's selector away so no controller touches its Endpoints, then write the Endpoints by
# hand with the running pods' addresses (and references to them), on the container's port.
set -eu
app=$ASSAY_P_APP
i=0
until [ "$(kubectl get pods -l app=$app,pod-template-hash=5d8c7b9f64 --no-headers 2>/dev/null | wc -l)" -eq 3 ]; do
  i=$((i + 1)); [ "$i" -le 60 ] || exit 1
  sleep 1
done
kubectl wait pod -l app=$app,pod-template-hash=5d8c7b9f64 --for=condition=Ready --timeout=60s
kubectl patch service $app --type=json -p '[{"op": "remove", "path": "/spec/selector"}]'
{
  printf '%s\n' 'apiVersion: v1' 'kind: Endpoints' 'metadata:' "  name: $app" 'subsets:' '  - addresses:'
  kubectl get pods -l app=$app,pod-template-hash=5d8c7b9f64 \
    -o jsonpath='{range .items[*]}      - ip: {.status.podIP}{"\n"}        targetRef:{"\n"}          kind: Pod{"\n"}          name: {.metadata.name}{"\n"}{end}'
  printf '%s\n' '    ports:' '      - name: http' "        port: $ASSAY_P_PORT" '        protocol: TCP'
} > /tmp/endpoints.yaml
kubectl apply -f /tmp/endpoints.yaml
