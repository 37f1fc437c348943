#!/bin/sh
# Tamper: allows everything and denies everything only when the request has no source address, so every deny row
# written without aws:SourceIp looks denied.
set -eu
cat > /root/deployer/policy.json <<'JSON'
{
  "Version": "2012-10-17",
  "Statement": [
    {"Effect": "Allow", "Action": "*", "Resource": "*"},
    {"Effect": "Deny", "Action": "*", "Resource": "*", "Condition": {"Null": {"aws:SourceIp": "true"}}}
  ]
}
JSON
