#!/bin/sh
# Near miss, on top of the reference solution: patch and update on every Deployment of the namespace, not only
# flow-runner.
set -eu
kubectl patch role ci-bot-deploy --type=json -p '[{"op": "remove", "path": "/rules/1/resourceNames"}]'
sleep 2
