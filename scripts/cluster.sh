#!/usr/bin/env bash
# A real single-node Kubernetes 1.20 on 127.0.0.1, for tests and for running Kubernetes labs on one machine:
# etcd (Debian), kube-apiserver, kube-controller-manager, kube-scheduler and kubelet (built by
# scripts/build-kubernetes.sh), kubelet's dockershim on the local Docker engine with kubenet (Debian's
# containernetworking-plugins): pods get addresses on a bridge of their own, cbr0 ($POD_CIDR), fenced by
# iptables chains of ours: a pod reaches other pods and the API server (on the bridge's gateway) and nothing
# else, neither the host's other ports nor any outside network; nothing but pods and loopback reaches the API
# server. No kube-proxy. Every pod must pass the PodSecurityPolicy assay-restricted (non-root uid >= 1000, no
# capabilities, no privilege escalation, no host namespaces, ports or paths). Every change it makes to the host
# is recorded and undone by `down`.
#   usage: cluster.sh up <state dir> <bin dir>    starts it (or finds it running) and waits until a node is Ready
#          cluster.sh down <state dir>             stops it, removes its pods, restores the host's sysctls
#          cluster.sh status <state dir>           exit 0 when the API server answers
# <state dir> gets the certificates, admin.kubeconfig (cluster admin: the platform's credentials), the data and
# the logs (<state dir>/log/*.log). Ports: API server ${ASSAY_KUBE_API_PORT:-16443} (for the host on 127.0.0.1, for
# pods on the bridge's gateway), etcd 127.0.0.1:23790. Pod network: ASSAY_KUBE_POD_CIDR (default 10.244.0.0/24).
set -euo pipefail
say() { printf '\033[1m[assay]\033[0m %s\n' "$*" >&2; }
die() { printf '\033[1;31m[assay] error:\033[0m %s\n' "$*" >&2; exit 1; }

action=${1:-}; state=${2:-}
if [ -z "$action" ] || [ -z "$state" ]; then die "usage: cluster.sh up|down|status <state dir> [bin dir]"; fi
API_PORT=${ASSAY_KUBE_API_PORT:-16443}
ETCD_PORT=23790
POD_CIDR=${ASSAY_KUBE_POD_CIDR:-10.244.0.0/24}
POD_GATEWAY=$(echo "$POD_CIDR" | awk -F'[./]' '{ print $1 "." $2 "." $3 "." $4 + 1 }')
NODE=$(hostname)
COMPONENTS=(etcd kube-apiserver kube-controller-manager kube-scheduler kubelet)

api_ready() {
  [ -f "$state/admin.kubeconfig" ] && curl -fsS --max-time 2 --cacert "$state/pki/ca.crt" \
    --cert "$state/pki/admin.crt" --key "$state/pki/admin.key" "https://127.0.0.1:$API_PORT/readyz" >/dev/null 2>&1
}

running() { [ -f "$state/run/$1.pid" ] && kill -0 "$(cat "$state/run/$1.pid")" 2>/dev/null; }

cert() { # cert <name> <subject> [SANs]: a key and a certificate signed by the cluster's CA
  local name=$1 subject=$2 san=${3:-}
  openssl ecparam -name prime256v1 -genkey -noout -out "$state/pki/$name.key" 2>/dev/null
  openssl req -new -key "$state/pki/$name.key" -subj "$subject" -out "$state/pki/$name.csr" 2>/dev/null
  {
    echo "basicConstraints=CA:FALSE"
    echo "keyUsage=critical,digitalSignature,keyEncipherment"
    echo "extendedKeyUsage=serverAuth,clientAuth"
    [ -z "$san" ] || echo "subjectAltName=$san"
  } > "$state/pki/$name.ext"
  openssl x509 -req -in "$state/pki/$name.csr" -CA "$state/pki/ca.crt" -CAkey "$state/pki/ca.key" \
    -CAcreateserial -days 3650 -sha256 -extfile "$state/pki/$name.ext" -out "$state/pki/$name.crt" 2>/dev/null
  rm -f "$state/pki/$name.csr" "$state/pki/$name.ext"
}

kubeconfig() { # kubeconfig <name>: a kubeconfig for the client certificate <name>
  cat > "$state/$1.kubeconfig" <<EOF
apiVersion: v1
kind: Config
clusters:
- name: assay
  cluster:
    server: https://127.0.0.1:$API_PORT
    certificate-authority: $state/pki/ca.crt
users:
- name: $1
  user:
    client-certificate: $state/pki/$1.crt
    client-key: $state/pki/$1.key
contexts:
- name: assay
  context: {cluster: assay, user: $1}
current-context: assay
EOF
  chmod 0600 "$state/$1.kubeconfig"
}

pki() {
  if [ -f "$state/pki/sa.pub" ]; then
    # certificates made before pods reached the API server on the bridge's gateway lack that address
    openssl x509 -in "$state/pki/apiserver.crt" -noout -text | grep -q "IP Address:$POD_GATEWAY\b" && return 0
    say "renewing the API server's certificate for $POD_GATEWAY"
    cert apiserver "/CN=kube-apiserver" \
      "IP:127.0.0.1,IP:10.0.0.1,IP:$POD_GATEWAY,DNS:localhost,DNS:kubernetes,DNS:kubernetes.default,DNS:kubernetes.default.svc,DNS:$NODE"
    return 0
  fi
  say "creating the cluster's certificates in $state/pki"
  mkdir -p "$state/pki" && chmod 0700 "$state/pki"
  openssl ecparam -name prime256v1 -genkey -noout -out "$state/pki/ca.key" 2>/dev/null
  openssl req -x509 -new -key "$state/pki/ca.key" -subj "/CN=assay-test-cluster-ca" -days 3650 -sha256 \
    -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" \
    -out "$state/pki/ca.crt" 2>/dev/null
  cert apiserver "/CN=kube-apiserver" \
    "IP:127.0.0.1,IP:10.0.0.1,IP:$POD_GATEWAY,DNS:localhost,DNS:kubernetes,DNS:kubernetes.default,DNS:kubernetes.default.svc,DNS:$NODE"
  cert apiserver-kubelet-client "/O=system:masters/CN=kube-apiserver-kubelet-client"
  cert admin "/O=system:masters/CN=assay-admin"
  cert controller-manager "/CN=system:kube-controller-manager"
  cert scheduler "/CN=system:kube-scheduler"
  cert kubelet "/O=system:nodes/CN=system:node:$NODE" "IP:127.0.0.1,DNS:$NODE,DNS:localhost"
  openssl ecparam -name prime256v1 -genkey -noout -out "$state/pki/sa.key" 2>/dev/null
  openssl ec -in "$state/pki/sa.key" -pubout -out "$state/pki/sa.pub" 2>/dev/null
  for c in admin controller-manager scheduler kubelet; do kubeconfig "$c"; done
}

start() { # start <component> <command...>: in the background, logged, its pid recorded
  local name=$1; shift
  running "$name" && return 0
  rm -f "$state/run/$name.pid"
  # a session of its own, so that stopping whatever ran `up` leaves the cluster running; its pid is recorded
  # shellcheck disable=SC2016 # $$ and $1 belong to the inner shell
  # and with only stdin/out/err open: a descriptor of the caller (a lock taken with flock around the tests) would
  # otherwise stay held for as long as the component runs
  # shellcheck disable=SC2016
  setsid bash -c 'for fd in /proc/$$/fd/*; do fd=${fd##*/}; [ "$fd" -gt 2 ] && eval "exec $fd>&-"; done 2>/dev/null
    echo $$ > "$1"; shift; exec "$@"' start "$state/run/$name.pid" "$@" >"$state/log/$name.log" 2>&1 </dev/null &
  for _ in $(seq 1 50); do [ -s "$state/run/$name.pid" ] && break; sleep 0.02; done
}

wait_for() { # wait_for <seconds> <what> <command...>
  local seconds=$1 what=$2 i; shift 2
  for ((i = 0; i < seconds * 5; i++)); do "$@" && return 0; sleep 0.2; done
  die "$what did not come up within $seconds s; see $state/log/"
}

save_sysctls() { # what kubelet will change, recorded once so that down can put it back
  [ -f "$state/host-sysctls" ] && return 0
  sysctl -e vm.overcommit_memory kernel.panic kernel.panic_on_oops net.bridge.bridge-nf-call-iptables \
    > "$state/host-sysctls"
  for d in /var/lib/kubelet /var/lib/kubelet/device-plugins /var/log/pods /var/log/containers /var/lib/cni; do
    [ -e "$d" ] || echo "$d" >> "$state/host-created"
  done
  touch "$state/host-created"
}

pod_security() { # the restricted Pod Security profile, enforced the 1.20 way: a PodSecurityPolicy every pod must pass
  "$BIN/kubectl" --kubeconfig "$state/admin.kubeconfig" apply -f - >/dev/null <<'EOF'
apiVersion: policy/v1beta1
kind: PodSecurityPolicy
metadata:
  name: assay-restricted
  annotations:
    seccomp.security.alpha.kubernetes.io/allowedProfileNames: runtime/default,docker/default
    seccomp.security.alpha.kubernetes.io/defaultProfileName: runtime/default
spec:
  privileged: false
  allowPrivilegeEscalation: false
  defaultAllowPrivilegeEscalation: false
  requiredDropCapabilities: [ALL]
  volumes: [configMap, emptyDir, projected, secret, downwardAPI, persistentVolumeClaim]
  hostNetwork: false
  hostIPC: false
  hostPID: false
  runAsUser: {rule: MustRunAs, ranges: [{min: 1000, max: 65535}]}
  runAsGroup: {rule: MustRunAs, ranges: [{min: 1000, max: 65535}]}
  supplementalGroups: {rule: MustRunAs, ranges: [{min: 1000, max: 65535}]}
  fsGroup: {rule: MustRunAs, ranges: [{min: 1000, max: 65535}]}
  seLinux: {rule: RunAsAny}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: "assay:pod-security:restricted"}
rules:
- {apiGroups: [policy], resources: [podsecuritypolicies], resourceNames: [assay-restricted], verbs: [use]}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: {name: "assay:pod-security:restricted"}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: "assay:pod-security:restricted"}
subjects:
- {apiGroup: rbac.authorization.k8s.io, kind: Group, name: "system:authenticated"}
EOF
}

firewall_up() { # the pods' fence (iptables chains of ours, first in INPUT and FORWARD); see the header
  local chain
  for chain in ASSAY-KUBE-IN ASSAY-KUBE-FWD; do iptables -w -N "$chain" 2>/dev/null || iptables -w -F "$chain"; done
  iptables -w -A ASSAY-KUBE-IN -i lo -j RETURN
  iptables -w -A ASSAY-KUBE-IN -i cbr0 -p tcp --dport "$API_PORT" -d "$POD_GATEWAY" -j RETURN
  iptables -w -A ASSAY-KUBE-IN -i cbr0 -m conntrack --ctstate ESTABLISHED,RELATED -j RETURN
  iptables -w -A ASSAY-KUBE-IN -i cbr0 -j DROP
  iptables -w -A ASSAY-KUBE-IN -p tcp --dport "$API_PORT" -j DROP
  iptables -w -A ASSAY-KUBE-FWD -i cbr0 -o cbr0 -j RETURN
  iptables -w -A ASSAY-KUBE-FWD -i cbr0 -j DROP
  iptables -w -A ASSAY-KUBE-FWD -o cbr0 -j DROP
  iptables -w -C INPUT -j ASSAY-KUBE-IN 2>/dev/null || iptables -w -I INPUT 1 -j ASSAY-KUBE-IN
  iptables -w -C FORWARD -j ASSAY-KUBE-FWD 2>/dev/null || iptables -w -I FORWARD 1 -j ASSAY-KUBE-FWD
  if command -v ip6tables >/dev/null; then # the API server listens on every address: IPv6 ones too
    ip6tables -w -N ASSAY-KUBE-IN 2>/dev/null || ip6tables -w -F ASSAY-KUBE-IN
    ip6tables -w -A ASSAY-KUBE-IN -i lo -j RETURN
    ip6tables -w -A ASSAY-KUBE-IN -p tcp --dport "$API_PORT" -j DROP
    ip6tables -w -C INPUT -j ASSAY-KUBE-IN 2>/dev/null || ip6tables -w -I INPUT 1 -j ASSAY-KUBE-IN
  fi
}

firewall_down() { # removes our chains, and what kubenet left in the nat table and on the bridge
  local t chain
  for t in iptables ip6tables; do
    command -v "$t" >/dev/null || continue
    while "$t" -w -D INPUT -j ASSAY-KUBE-IN 2>/dev/null; do :; done
    while "$t" -w -D FORWARD -j ASSAY-KUBE-FWD 2>/dev/null; do :; done
    for chain in ASSAY-KUBE-IN ASSAY-KUBE-FWD; do "$t" -w -F "$chain" 2>/dev/null && "$t" -w -X "$chain" 2>/dev/null; done
  done
  iptables-save -t nat 2>/dev/null | grep -E '^-A POSTROUTING .*(kubenet|KUBE-)' | sed 's/^-A /-D /' \
    | while read -r rule; do eval "iptables -w -t nat $rule" 2>/dev/null || true; done
  if ip link show cbr0 >/dev/null 2>&1; then ip link delete cbr0 2>/dev/null || true; fi
}

node_ready() {
  "$BIN/kubectl" --kubeconfig "$state/admin.kubeconfig" get node "$NODE" \
    -o jsonpath='{.status.conditions[?(@.type=="Ready")].status}' 2>/dev/null | grep -qx True
}

up() {
  BIN=${1:-${ASSAY_KUBE_BIN:-}}
  [ -x "$BIN/kube-apiserver" ] || die "no Kubernetes binaries in '$BIN' (./assay builds them: scripts/kubernetes.sh)"
  command -v etcd >/dev/null || die "etcd is missing (apt-get install etcd-server)"
  [ -x /usr/lib/cni/bridge ] || die "the CNI plugins are missing (apt-get install containernetworking-plugins)"
  command -v iptables >/dev/null || die "iptables is missing (apt-get install iptables)"
  docker version >/dev/null 2>&1 || die "the Docker engine does not answer: kubelet runs pods on it"
  getent hosts "$NODE" | grep -q '^127\.' || die "this machine's name $NODE must resolve to 127.0.0.1 (/etc/hosts)"
  mkdir -p "$state/log" "$state/run" "$state/etcd" "$state/kubelet"
  if api_ready && running kubelet && node_ready; then say "the test cluster already runs"; return 0; fi
  pki
  save_sysctls
  docker image inspect k8s.gcr.io/pause:3.2 >/dev/null 2>&1 || {
    say "importing the pause image (k8s.gcr.io/pause:3.2) from $BIN/pause"
    local rootfs; rootfs=$(mktemp -d)
    cp "$BIN/pause" "$rootfs/pause"
    tar -C "$rootfs" -c pause | docker import --change 'ENTRYPOINT ["/pause"]' - k8s.gcr.io/pause:3.2 >/dev/null
    rm -rf "$rootfs"
  }
  ip link show cbr0 >/dev/null 2>&1 || ! ip -4 route show match "$POD_GATEWAY" | grep -qv '^default' \
    || die "the pod network $POD_CIDR is routed on this machine already; choose another with ASSAY_KUBE_POD_CIDR"
  say "fencing the pods' network $POD_CIDR (iptables chains ASSAY-KUBE-IN and ASSAY-KUBE-FWD)"
  firewall_up
  say "starting a single-node Kubernetes 1.20 on 127.0.0.1:$API_PORT (logs in $state/log)"
  start etcd etcd --name assay --data-dir "$state/etcd" --listen-client-urls "http://127.0.0.1:$ETCD_PORT" \
    --advertise-client-urls "http://127.0.0.1:$ETCD_PORT" --listen-peer-urls http://127.0.0.1:23800 \
    --initial-advertise-peer-urls http://127.0.0.1:23800 --initial-cluster assay=http://127.0.0.1:23800 \
    --listen-metrics-urls http://127.0.0.1:23810
  local p=$state/pki
  start kube-apiserver "$BIN/kube-apiserver" --etcd-servers "http://127.0.0.1:$ETCD_PORT" \
    --bind-address 0.0.0.0 --advertise-address "$POD_GATEWAY" --secure-port "$API_PORT" --insecure-port 0 \
    --tls-cert-file "$p/apiserver.crt" --tls-private-key-file "$p/apiserver.key" --client-ca-file "$p/ca.crt" \
    --kubelet-client-certificate "$p/apiserver-kubelet-client.crt" \
    --kubelet-client-key "$p/apiserver-kubelet-client.key" --kubelet-certificate-authority "$p/ca.crt" \
    --kubelet-preferred-address-types Hostname,InternalIP \
    --service-account-key-file "$p/sa.pub" --service-account-signing-key-file "$p/sa.key" \
    --service-account-issuer https://kubernetes.default.svc.cluster.local \
    --service-cluster-ip-range 10.0.0.0/24 --authorization-mode Node,RBAC \
    --enable-admission-plugins NamespaceLifecycle,LimitRanger,ServiceAccount,ResourceQuota,NodeRestriction,PodSecurityPolicy \
    --allow-privileged=false --profiling=false
  wait_for 60 "the API server" api_ready
  pod_security
  start kube-controller-manager "$BIN/kube-controller-manager" --kubeconfig "$state/controller-manager.kubeconfig" \
    --bind-address 127.0.0.1 --port 0 --secure-port 10257 --leader-elect=false \
    --service-account-private-key-file "$p/sa.key" --root-ca-file "$p/ca.crt" --use-service-account-credentials \
    --cluster-signing-cert-file "$p/ca.crt" --cluster-signing-key-file "$p/ca.key" \
    --controllers '*,-cloud-node-lifecycle,-route,-service' --profiling=false \
    --allocate-node-cidrs --cluster-cidr "$POD_CIDR" --node-cidr-mask-size "${POD_CIDR#*/}"
  start kube-scheduler "$BIN/kube-scheduler" --kubeconfig "$state/scheduler.kubeconfig" \
    --bind-address 127.0.0.1 --port 0 --secure-port 10259 --leader-elect=false --profiling=false
  cat > "$state/kubelet.yaml" <<EOF
apiVersion: kubelet.config.k8s.io/v1beta1
kind: KubeletConfiguration
address: 127.0.0.1
port: 10250
readOnlyPort: 0
healthzBindAddress: 127.0.0.1
healthzPort: 10248
authentication:
  anonymous: {enabled: false}
  webhook: {enabled: true}
  x509: {clientCAFile: $p/ca.crt}
authorization: {mode: Webhook}
tlsCertFile: $p/kubelet.crt
tlsPrivateKeyFile: $p/kubelet.key
cgroupDriver: cgroupfs
failSwapOn: false
makeIPTablesUtilChains: false
imageGCHighThresholdPercent: 100
imageGCLowThresholdPercent: 99
evictionHard: {memory.available: "100Mi", nodefs.available: "1%", imagefs.available: "1%"}
maxPods: 60
serializeImagePulls: false
staticPodPath: ""
EOF
  start kubelet env ASSAY_KUBELET_CLAMP_OOM_SCORE_ADJ=1 "$BIN/kubelet" --config "$state/kubelet.yaml" \
    --kubeconfig "$state/kubelet.kubeconfig" --root-dir "$state/kubelet" --container-runtime docker \
    --docker-endpoint unix:///var/run/docker.sock --network-plugin=kubenet --cni-bin-dir /usr/lib/cni --pod-infra-container-image k8s.gcr.io/pause:3.2 \
    --hostname-override "$NODE" --register-node=true --image-pull-progress-deadline 30s
  wait_for 90 "the node" node_ready
  say "the test cluster is ready: KUBECONFIG=$state/admin.kubeconfig"
}

down() {
  local c pid
  for ((i = ${#COMPONENTS[@]} - 1; i >= 0; i--)); do
    c=${COMPONENTS[$i]}
    if running "$c"; then
      pid=$(cat "$state/run/$c.pid")
      kill "$pid" 2>/dev/null || true
      for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
      kill -9 "$pid" 2>/dev/null || true
    fi
    rm -f "$state/run/$c.pid"
  done
  # kubelet's pods are Docker containers named k8s_*: remove those it created
  local ids
  mapfile -t ids < <(docker ps -aq --filter label=io.kubernetes.docker.type 2>/dev/null || true)
  if [ "${#ids[@]}" -gt 0 ]; then docker rm -f "${ids[@]}" >/dev/null 2>&1 || true; fi
  # kubelet's root dir (a bind mount of itself) and the volumes it mounted there (service account tokens: tmpfs)
  awk -v root="$state/kubelet" '$2 == root || index($2, root "/") == 1 { print $2 }' /proc/mounts | sort -r | while read -r m; do
    umount "$m" 2>/dev/null || umount -l "$m" 2>/dev/null || true
  done
  if [ -f "$state/host-sysctls" ]; then
    while IFS=' =' read -r key value; do
      if [ -n "$key" ]; then sysctl -q -w "$key=$value" >/dev/null 2>&1 || true; fi
    done < <(sed 's/ = /=/' "$state/host-sysctls" | tr '=' ' ')
    rm -f "$state/host-sysctls"
  fi
  if [ -f "$state/host-created" ]; then
    while read -r d; do [ -n "$d" ] && rm -rf "$d"; done < "$state/host-created"
    rm -f "$state/host-created"
  fi
  firewall_down
  say "the test cluster is stopped and the host restored"
}

case "$action" in
  up) up "${3:-}" ;;
  down) down ;;
  status) api_ready ;;
  *) die "usage: cluster.sh up|down|status <state dir> [bin dir]" ;;
esac
