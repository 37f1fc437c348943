# shellcheck shell=bash
# Kubernetes for tests and for Kubernetes labs on one machine (sourced by ./assay):
#   ensure_kubernetes   installs what the build and the cluster need, builds Kubernetes 1.20 from Debian's source
#                       once (scripts/build-kubernetes.sh, about 6 minutes on 2 cores) and caches the binaries
#                       outside the work tree, keyed by version and build script: ${ASSAY_CACHE:-~/.cache/assay}/
#                       kubernetes/<version>-<hash>/bin, also linked as kubernetes/current. Exports ASSAY_KUBE_BIN.
# The cluster itself is started by the tests (KubeCluster, through scripts/cluster.sh) and by `./assay cluster up`.
KUBE_VERSION=1.20.2

kube_cache() { echo "${ASSAY_CACHE:-$HOME/.cache/assay}/kubernetes"; }

ensure_deb_src() { # a deb-src twin of the machine's Debian sources, so apt-get source works; mirrors unchanged
  if apt-get source --print-uris -q kubernetes >/dev/null 2>&1; then return 0; fi
  local twin=/etc/apt/sources.list.d/assay-deb-src.sources
  if [ -f /etc/apt/sources.list.d/debian.sources ]; then
    say "adding deb-src entries for the machine's own Debian mirrors ($twin)"
    sed 's/^Types: deb$/Types: deb-src/' /etc/apt/sources.list.d/debian.sources | as_root tee "$twin" >/dev/null
  elif [ -f /etc/apt/sources.list ]; then
    twin=/etc/apt/sources.list.d/assay-deb-src.list
    say "adding deb-src entries for the machine's own Debian mirrors ($twin)"
    sed -n 's/^deb /deb-src /p' /etc/apt/sources.list | as_root tee "$twin" >/dev/null
  else
    die "no Debian apt sources found to derive deb-src entries from"
  fi
  as_root apt-get update -q >/dev/null || die "apt-get update failed after adding $twin"
  apt-get source --print-uris -q kubernetes >/dev/null 2>&1 \
    || die "Debian's kubernetes source package is not reachable through the configured mirrors"
}

ensure_kubernetes() {
  apt_install etcd-server socat openssl curl containernetworking-plugins iptables
  # Debian's etcd package may start a system etcd; the cluster runs its own on other ports, so it may stay.
  local key dir
  key=$(sha256sum scripts/build-kubernetes.sh | cut -c1-12)
  dir="$(kube_cache)/$KUBE_VERSION-$key"
  if [ ! -x "$dir/bin/kubelet" ] || [ ! -x "$dir/bin/pause" ]; then
    apt_install golang-go rsync jq gcc libc6-dev dpkg-dev
    ensure_deb_src
    say "building Kubernetes $KUBE_VERSION from Debian's source into $dir (once; about 6 minutes on 2 cores)"
    mkdir -p "$(kube_cache)"
    scripts/build-kubernetes.sh "$dir" || die "building Kubernetes failed (see the output above)"
  fi
  ln -sfn "$dir" "$(kube_cache)/current"
  export ASSAY_KUBE_BIN="$dir/bin"
  say "Kubernetes $KUBE_VERSION binaries: $ASSAY_KUBE_BIN"
}
