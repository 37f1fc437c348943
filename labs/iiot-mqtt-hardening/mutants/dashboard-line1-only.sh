#!/bin/sh
# Near miss, on top of the reference solution: the dashboard's grant is narrowed to line 1 (copied from the
# gateway's line), so the control room no longer sees line 2. ACL changes need only a reload.
set -eu
sed -i 's|^topic read plant/#$|topic read plant/line1/#|' /etc/mosquitto/acl
grep -q '^topic read plant/line1/#$' /etc/mosquitto/acl
service mosquitto reload >/dev/null
sleep 0.5
