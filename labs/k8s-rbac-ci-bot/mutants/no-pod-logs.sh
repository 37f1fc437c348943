#!/bin/sh
# Near miss, on top of the reference solution: pods are readable but their logs are not, so the pipeline cannot
# show why a rollout failed.
set -eu
kubectl patch role ci-bot-deploy --type=json -p '[{"op": "remove", "path": "/rules/3"}]'
if kubectl get role ci-bot-deploy -o jsonpath='{.rules}' | grep -q 'pods/log'; then exit 1; fi
sleep 2
