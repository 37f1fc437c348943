# Another way: leave the command as released and make the file it names exist, by mapping the code's key to
# worker.js in the volume; fix the env key and the probe paths in the same edit of the exported object, with
# python, and replace the Deployment with it.
set -e
kubectl get deployment telemetry-worker -o json > /tmp/deploy.json
python3 - /tmp/deploy.json <<'PY'
import json, sys
path = sys.argv[1]
deploy = json.load(open(path))
deploy["metadata"].pop("resourceVersion", None)  # the controller updates status meanwhile
spec = deploy["spec"]["template"]["spec"]
worker = next(c for c in spec["containers"] if c["name"] == "worker")
for var in worker["env"]:
    if var["name"] == "BROKER_URL":
        var["valueFrom"]["configMapKeyRef"]["key"] = "broker-url"
for probe in ("readinessProbe", "livenessProbe"):
    worker[probe]["httpGet"]["path"] = "/healthz"
for volume in spec["volumes"]:
    if volume["name"] == "code":
        volume["configMap"]["items"] = [{"key": "telemetry-worker.js", "path": "worker.js"}]
json.dump(deploy, open(path, "w"))
PY
kubectl replace -f /tmp/deploy.json
kubectl rollout status deployment/telemetry-worker --timeout=90s
printf '%s\n' 'configMapKeyRef key broker_url does not exist in worker-settings (it is broker-url)' \
  'the command runs /app/worker.js, the volume only held telemetry-worker.js: mapped the key to worker.js' \
  'probes on /health, the worker answers /healthz' > /root/answer.md
