#!/bin/sh
# Near miss (after the reference solution): the RCA's root cause describes the symptom (a crash loop behind
# nginx) and blames the release, never the configuration that the deploy changed.
set -eu
cat > /root/rca.md <<'MD'
# Incident review

## Timeline
- 14 minutes before the page the deploy of forge 2.9.0 finished and the dashboard went down.
- I restarted the service after the fix and the dashboard came back within a minute.

## Root cause
The forge process crashed at every start after the upgrade to 2.9.0, so nginx returned 502 Bad Gateway to
every user; 2.9.0 is an unstable release.

## Remediation
Fixed the service and restarted flowfuse-forge; nginx serves the dashboard again.

## Prevention
Test new releases better before they reach production and add more monitoring to the platform.
MD
