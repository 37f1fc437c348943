#!/bin/sh
# Near miss, on top of the reference solution: ci-bot-deploy is right, but a second Role and RoleBinding let the bot
# delete flow-runner by name, "so the pipeline can recreate it when a rollout is stuck". Scoped by resourceNames, the
# grant answers only a request that names flow-runner; the bot can still delete the customer's workload.
set -eu
ns=$(kubectl config view --minify -o jsonpath='{..namespace}')
kubectl create role ci-bot-rollback --verb=delete --resource=deployments.apps --resource-name=flow-runner
kubectl create rolebinding ci-bot-rollback --role=ci-bot-rollback --serviceaccount="$ns:ci-bot"
sleep 2
