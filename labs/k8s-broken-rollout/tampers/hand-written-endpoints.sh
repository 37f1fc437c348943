#!/bin/sh
# Tamper: take the Service's selector away so no controller touches its Endpoints, then write the Endpoints by
# hand with the running pods' addresses (and references to them), on port 8080.
set -eu
i=0
until [ "$(kubectl get pods -l app=device-api,pod-template-hash=5d8c7b9f64 --no-headers 2>/dev/null | wc -l)" -eq 3 ]; do
  i=$((i + 1)); [ "$i" -le 60 ] || exit 1
  sleep 1
done
kubectl wait pod -l app=device-api,pod-template-hash=5d8c7b9f64 --for=condition=Ready --timeout=60s
kubectl patch service device-api --type=json -p '[{"op": "remove", "path": "/spec/selector"}]'
{
  printf '%s\n' 'apiVersion: v1' 'kind: Endpoints' 'metadata:' '  name: device-api' 'subsets:' '  - addresses:'
  kubectl get pods -l app=device-api,pod-template-hash=5d8c7b9f64 \
    -o jsonpath='{range .items[*]}      - ip: {.status.podIP}{"\n"}        targetRef:{"\n"}          kind: Pod{"\n"}          name: {.metadata.name}{"\n"}{end}'
  printf '%s\n' '    ports:' '      - name: http' '        port: 8080' '        protocol: TCP'
} > /tmp/endpoints.yaml
kubectl apply -f /tmp/endpoints.yaml
