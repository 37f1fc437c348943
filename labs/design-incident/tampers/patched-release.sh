#!/bin/sh
# Tamper: patches the 2.9.0 release so it starts without its broker and always reports "connected", restarts the
# service so the supervisor runs it as flowfuse, and publishes the retained status as online. forge.env stays wrong.
set -eu
js=/opt/flowfuse/releases/2.9.0/server.js
sed -i -e "s/^const BROKER_REQUIRED = true;/const BROKER_REQUIRED = false;/" -e "s/^let broker = 'disconnected';/let broker = 'connected';/" \
  -e "s/broker = 'disconnected';/broker = 'connected';/" "$js"
service flowfuse-forge restart >/dev/null
mosquitto_pub -h 127.0.0.1 -q 1 -r -t flowfuse/platform/forge/status -m online
until curl -fs http://127.0.0.1/api/v1/health | grep -q '"broker":"connected"'; do sleep 0.2; done
