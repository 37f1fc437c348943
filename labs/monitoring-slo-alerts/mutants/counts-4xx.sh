#!/bin/sh
# Near miss, on top of the reference solution: every status that is not 2xx counts as a failure, so the client
# errors (404, 429) the objective leaves out page someone.
set -eu
sed -i 's/code=~"5.."/code!~"2.."/' /etc/prometheus/rules.yml
grep -q 'code!~"2.."' /etc/prometheus/rules.yml
