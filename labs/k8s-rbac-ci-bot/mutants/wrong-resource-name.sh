#!/bin/sh
# Near miss, on top of the reference solution: the resource name written the way kubectl takes it on the command
# line, "deployment/flow-runner", which names no object: the bot can no longer deploy at all.
set -eu
kubectl patch role ci-bot-deploy --type=json -p '[{"op": "replace", "path": "/rules/1/resourceNames",
  "value": ["deployment/flow-runner"]}]'
sleep 2
