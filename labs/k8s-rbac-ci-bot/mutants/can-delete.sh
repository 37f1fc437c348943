#!/bin/sh
# Near miss, on top of the reference solution: the usual "deployer" verb list on every Deployment, so the bot
# can create and delete Deployments and change any of them.
set -eu
kubectl patch role ci-bot-deploy --type=json -p '[{"op": "replace", "path": "/rules/1", "value":
  {"apiGroups": ["apps"], "resources": ["deployments"],
   "verbs": ["get", "list", "watch", "create", "update", "patch", "delete"]}}]'
sleep 2
