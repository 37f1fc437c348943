# shellcheck shell=bash
# Builds the lab images that are missing, tagged by content hash so unchanged images are not rebuilt:
#   assay/base        debootstrapped Debian bookworm (also tagged debian:bookworm-slim)
#   assay/workbench   FROM debian:bookworm-slim, the tools the labs need
#   assay/probe       our tools (busybox, psql, mosquitto clients, openssl, socat), for checks that must not trust
#                     the lab, and the relay and forwarders of Kubernetes labs
#   assay/kubebench   FROM assay/workbench, plus kubectl: the workbench of Kubernetes labs (build_kube_image, once
#                     the Kubernetes binaries are built)
# Each is tagged <name>:<hash> and <name>:latest. Built images are saved under ASSAY_CACHE (default
# ~/.cache/assay/images) and loaded from there on a machine whose engine lacks them. Sourced by ./assay.

images_dir=labs/images
images_cache() { echo "${ASSAY_CACHE:-$HOME/.cache/assay}/images"; }

content_hash() { # content_hash <folder> [extra]: sha256 of the folder's files (names and bytes) plus extra
  (cd "$1" && find . -type f -print0 | LC_ALL=C sort -z | xargs -0 sha256sum; echo "${2:-}") | sha256sum | cut -c1-12
}

image_present() { docker image inspect "$1" >/dev/null 2>&1; }

from_cache_or_build() { # from_cache_or_build <name> <hash> <build command...>
  local name=$1 hash=$2 tarball
  shift 2
  tarball="$(images_cache)/${name//\//_}-$hash.tar"
  if image_present "$name:$hash"; then
    :
  elif [ -s "$tarball" ]; then
    say "loading $name:$hash from $tarball"
    docker load -q -i "$tarball" >/dev/null || die "docker load of $tarball failed"
  else
    say "building $name:$hash"
    "$@" || die "building $name failed (see the output above)"
    mkdir -p "$(images_cache)"
    rm -f "$(images_cache)/${name//\//_}"-*.tar
    docker save -o "$tarball.tmp" "$name:$hash" && mv "$tarball.tmp" "$tarball"
  fi
  docker tag "$name:$hash" "$name:latest"
}

docker_build() { # docker_build <tag> <folder>: a quiet build; the log is kept and shown on failure
  local log
  log="$(images_cache)/build-$(basename "$2").log"
  mkdir -p "$(images_cache)"
  if ! docker build -t "$1" "$2" >"$log" 2>&1; then
    tail -n 30 "$log" >&2
    return 1
  fi
}

build_images() {
  ensure_docker
  apt_install debootstrap
  local base workbench probe
  base=$(content_hash "$images_dir/base")
  from_cache_or_build assay/base "$base" "$images_dir/base/build.sh" "$base"
  docker tag "assay/base:$base" debian:bookworm-slim
  workbench=$(content_hash "$images_dir/workbench" "$base")
  from_cache_or_build assay/workbench "$workbench" \
    docker_build "assay/workbench:$workbench" "$images_dir/workbench"
  probe=$(content_hash "$images_dir/probe" "$base")
  from_cache_or_build assay/probe "$probe" docker_build "assay/probe:$probe" "$images_dir/probe"
  say "images ready: assay/base:$base assay/workbench:$workbench assay/probe:$probe"
}

build_kube_image() { # after build_images and ensure_kubernetes: assay/kubebench, the workbench plus kubectl
  local workbench kubectl hash context
  workbench=$(docker image inspect -f '{{.Id}}' assay/workbench:latest)
  kubectl=$(sha256sum "$ASSAY_KUBE_BIN/kubectl" | cut -c1-12)
  hash=$(content_hash "$images_dir/kubebench" "$workbench $kubectl")
  context=$(mktemp -d)
  cp "$images_dir/kubebench/Dockerfile" "$ASSAY_KUBE_BIN/kubectl" "$context/"
  from_cache_or_build assay/kubebench "$hash" docker_build "assay/kubebench:$hash" "$context"
  rm -rf "$context"
  say "image ready: assay/kubebench:$hash (kubectl from $ASSAY_KUBE_BIN)"
}
