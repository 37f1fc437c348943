#!/bin/sh
# Near miss, on top of the reference solution: PassRole on role/<execution role>*, which also covers any role whose
# name starts that way (<execution role>-admin).
set -eu
sed -i "s|:role/$ASSAY_P_EXEC_ROLE\"|:role/$ASSAY_P_EXEC_ROLE*\"|" /root/review/policies/dev-deploy.json
grep -q "role/$ASSAY_P_EXEC_ROLE\*" /root/review/policies/dev-deploy.json
