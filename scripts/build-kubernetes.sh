#!/usr/bin/env bash
# Builds a real Kubernetes 1.20 (kube-apiserver, kube-controller-manager, kube-scheduler, kubelet, kubectl,
# kube-proxy) offline from Debian's `kubernetes` source package with Debian's Go, plus the pause image, as
# we measured it (about 6 minutes on 2 cores, 1.4 GB of memory). Called by ensure_kubernetes
# (scripts/kubernetes.sh) when the cache lacks this build; the packages it needs are installed by then.
#   usage: build-kubernetes.sh <output dir>     binaries land in <output dir>/bin
# Changes to the Debian source, all small and needed on these machines:
#   - vendor/github.com/modern-go/reflect2 is replaced by Debian's 1.0.2: 1.0.1 panics under Go >= 1.18;
#   - dockershim may clamp the negative oom_score_adj it asks for (-998 for sandboxes, -997 for Guaranteed
#     pods) to 0 when ASSAY_KUBELET_CLAMP_OOM_SCORE_ADJ=1, for hosts without CAP_SYS_RESOURCE, where runc fails.
set -euo pipefail
out=${1:?usage: build-kubernetes.sh <output dir>}
work=$(mktemp -d "${TMPDIR:-/tmp}/assay-kubernetes.XXXXXX")
trap 'rm -rf "$work"' EXIT
say() { printf '\033[1m[assay]\033[0m %s\n' "$*" >&2; }

# Debian's source, through the machine's own apt configuration: a deb-src twin of its sources.
say "fetching Debian's kubernetes source package"
cd "$work"
apt-get source -q -d kubernetes >/dev/null 2>&1 || {
  echo "apt-get source kubernetes failed: is a deb-src entry configured (ensure_kubernetes adds one)?" >&2; exit 1; }
dpkg-source -q -x kubernetes_*.dsc tree >/dev/null 2>&1
apt-get download -q golang-github-modern-go-reflect2-dev >/dev/null 2>&1
dpkg-deb -x golang-github-modern-go-reflect2-dev_*.deb reflect2
cd tree

say "replacing the vendored reflect2 1.0.1 with Debian's 1.0.2"
rm -f vendor/github.com/modern-go/reflect2/*.go vendor/github.com/modern-go/reflect2/*.s
find ../reflect2/usr/share/gocode/src/github.com/modern-go/reflect2 -maxdepth 1 \( -name '*.go' -o -name '*.s' \) \
  ! -name '*_test.go' -exec cp {} vendor/github.com/modern-go/reflect2/ \;

say "letting dockershim clamp negative oom_score_adj (opt-in: ASSAY_KUBELET_CLAMP_OOM_SCORE_ADJ=1)"
sandbox=pkg/kubelet/dockershim/docker_sandbox.go
helpers=pkg/kubelet/dockershim/helpers_linux.go
grep -q '	hc.OomScoreAdj = defaultSandboxOOMAdj$' "$sandbox"
grep -q '			createConfig.HostConfig.OomScoreAdj = int(rOpts.OomScoreAdj)$' "$helpers"
sed -i 's/^	hc.OomScoreAdj = defaultSandboxOOMAdj$/	hc.OomScoreAdj = clampOOMScoreAdj(defaultSandboxOOMAdj)/' "$sandbox"
sed -i 's/^			createConfig.HostConfig.OomScoreAdj = int(rOpts.OomScoreAdj)$/			createConfig.HostConfig.OomScoreAdj = clampOOMScoreAdj(int(rOpts.OomScoreAdj))/' "$helpers"
cat >> "$sandbox" <<'GO'

// clampOOMScoreAdj raises a negative oom_score_adj to 0 when ASSAY_KUBELET_CLAMP_OOM_SCORE_ADJ is 1: hosts
// without CAP_SYS_RESOURCE cannot lower it, and runc then fails every sandbox. (Assay's test cluster.)
func clampOOMScoreAdj(adj int) int {
	if adj < 0 && os.Getenv("ASSAY_KUBELET_CLAMP_OOM_SCORE_ADJ") == "1" {
		return 0
	}
	return adj
}
GO

say "building kube-apiserver, kube-controller-manager, kube-scheduler, kubelet, kubectl, kube-proxy (about 6 minutes)"
mkdir -p .go/src/k8s.io
ln -s "$PWD" .go/src/k8s.io/kubernetes
cd .go/src/k8s.io/kubernetes
GOPATH="$work/tree/.go" GOPROXY=off CGO_ENABLED=0 \
  make WHAT="cmd/kube-apiserver cmd/kube-controller-manager cmd/kube-scheduler cmd/kubelet cmd/kubectl cmd/kube-proxy" \
  >"$work/make.log" 2>&1 || { tail -n 40 "$work/make.log" >&2; exit 1; }

say "building the pause container's binary"
gcc -Os -static -o "$work/pause" build/pause/linux/pause.c

mkdir -p "$out.tmp/bin"
for b in kube-apiserver kube-controller-manager kube-scheduler kubelet kubectl kube-proxy; do
  cp "_output/local/bin/linux/amd64/$b" "$out.tmp/bin/$b"
done
cp "$work/pause" "$out.tmp/bin/pause"
rm -rf "$out" && mv "$out.tmp" "$out"
say "Kubernetes binaries ready in $out/bin"
