#!/bin/sh
set -eu
# The same fleet, paid on demand: no savings plan for the steady node group.
sed -i '/^    pricing: savings-plan$/d' /root/design.yaml
