#!/bin/sh
# Near miss, on top of the reference solution: the budget's selector has a typo (app=flowaudit); it matches no
# pod, so a node drain may evict every replica at once.
set -eu
kubectl patch poddisruptionbudget/flow-audit --type=merge -p '{"spec":{"selector":{"matchLabels":{"app":"flowaudit"}}}}'
