#!/bin/sh
# Near miss, on top of the reference solution: "the frontend may move to its own namespace", so the peer gets an
# empty namespaceSelector next to its podSelector; that peer now admits role=frontend pods of every namespace.
set -eu
kubectl patch networkpolicy/flow-audit --type=json \
  -p '[{"op":"add","path":"/spec/ingress/0/from/0/namespaceSelector","value":{}}]'
