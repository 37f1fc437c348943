#!/bin/sh
# Near miss, on top of the reference solution: versioning is suspended.
set -eu
sed -i 's/status = "Enabled"/status = "Suspended"/' /root/infra/main.tf
