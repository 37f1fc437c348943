#!/usr/bin/env bash
# Builds the base image with no registry: debootstrap a minimal Debian bookworm from this machine's own apt
# mirror, then `docker import` it as assay/base:<key> and debian:bookworm-slim (so ordinary Dockerfiles that
# start FROM debian:bookworm-slim build offline). The root file system is cached as a tarball outside the work
# tree (ASSAY_CACHE, default ~/.cache/assay), keyed by this script's content: a new machine rebuilds it.
#   usage: build.sh <tag-key>
set -euo pipefail
key=${1:?usage: build.sh <tag-key>}
cache=${ASSAY_CACHE:-$HOME/.cache/assay}/base
tarball="$cache/bookworm-minbase-$key.tar"

mirror() { # the first Debian mirror the machine's apt configuration names (deb822 or one-line format)
  local m=""
  if [ -f /etc/apt/sources.list.d/debian.sources ]; then
    m=$(awk '/^URIs:/ { print $2; exit }' /etc/apt/sources.list.d/debian.sources)
  fi
  if [ -z "$m" ] && [ -f /etc/apt/sources.list ]; then
    m=$(awk '$1 == "deb" && $0 !~ /security/ { print $2; exit }' /etc/apt/sources.list)
  fi
  [ -n "$m" ] || { echo "no Debian mirror found in /etc/apt/sources.list(.d)" >&2; exit 1; }
  echo "$m"
}

if [ ! -s "$tarball" ]; then
  command -v debootstrap >/dev/null || { echo "debootstrap is missing (apt-get install debootstrap)" >&2; exit 1; }
  mkdir -p "$cache"
  rootfs=$(mktemp -d "$cache/rootfs.XXXXXX")
  trap 'rm -rf "$rootfs"' EXIT
  echo "[assay] debootstrap bookworm (minbase) from $(mirror): about 30 s" >&2
  debootstrap --variant=minbase bookworm "$rootfs" "$(mirror)" >"$cache/debootstrap.log" 2>&1 \
    || { echo "debootstrap failed; see $cache/debootstrap.log" >&2; exit 1; }
  rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/* "$rootfs"/var/log/*.log
  tar -C "$rootfs" -cf "$tarball.tmp" . && mv "$tarball.tmp" "$tarball"
fi
docker import \
  --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
  --change 'ENV LANG=C.UTF-8' \
  --change 'CMD ["bash"]' \
  "$tarball" "assay/base:$key" >/dev/null
docker tag "assay/base:$key" debian:bookworm-slim
