#!/bin/sh
# Near miss, on top of the reference solution: viewers may still use plain HTTP.
set -eu
sed -i 's/viewer_protocol_policy = "redirect-to-https"/viewer_protocol_policy = "allow-all"/' /root/infra/main.tf
