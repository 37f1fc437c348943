# Installs and starts what Assay needs on a Debian/Ubuntu machine, only when it is missing.
# Sourced by ./assay. Every step says what it does; every step is idempotent.
# Packages come from the machine's own apt configuration: no registry host is named here.

say() { printf '\033[1m[assay]\033[0m %s\n' "$*" >&2; }
die() { printf '\033[1;31m[assay] error:\033[0m %s\n' "$*" >&2; exit 1; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"
  elif command -v sudo >/dev/null 2>&1; then sudo "$@"
  else die "need root to run: $* (run as root or install sudo)"; fi
}

APT_UPDATED=""
apt_install() { # apt_install <package>...: installs the packages not yet installed
  local missing=() p
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  [ "${#missing[@]}" -eq 0 ] && return 0
  command -v apt-get >/dev/null 2>&1 || die "apt-get not found: install ${missing[*]} by hand (Assay expects Debian or Ubuntu)"
  if [ -z "$APT_UPDATED" ]; then
    say "refreshing the apt package lists"
    as_root apt-get update -q >/dev/null || die "apt-get update failed: check the mirrors in /etc/apt/sources.list.d/"
    APT_UPDATED=1
  fi
  say "installing ${missing[*]}"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null \
    || die "apt-get install ${missing[*]} failed"
}

ensure_java_build() {
  command -v java >/dev/null 2>&1 || apt_install openjdk-17-jdk-headless
  command -v mvn >/dev/null 2>&1 || apt_install maven
}

docker_ready() { docker version --format '{{.Server.Version}}' >/dev/null 2>&1; }

ensure_docker() {
  command -v dockerd >/dev/null 2>&1 || apt_install docker.io
  command -v docker >/dev/null 2>&1 || apt_install docker.io
  docker_ready && return 0
  say "starting the Docker engine (dockerd, log in /var/log/assay-dockerd.log)"
  as_root sh -c 'nohup dockerd --host unix:///var/run/docker.sock >/var/log/assay-dockerd.log 2>&1 &'
  local i
  for i in $(seq 1 60); do docker_ready && { say "Docker engine $(docker version --format '{{.Server.Version}}') is up"; return 0; }; sleep 0.5; done
  die "the Docker engine did not answer within 30 s; see /var/log/assay-dockerd.log"
}

PG_VERSION_DIR=""
pg_ready() { pg_isready -q -h 127.0.0.1 -p "${ASSAY_PG_PORT:-5432}" 2>/dev/null; }

ensure_postgres() {
  apt_install postgresql
  if ! pg_ready; then
    local cluster
    cluster=$(pg_lsclusters -h 2>/dev/null | awk 'NR==1 {print $1" "$2}')
    [ -n "$cluster" ] || die "no PostgreSQL cluster found (pg_lsclusters is empty): create one with pg_createcluster"
    say "starting PostgreSQL cluster $cluster"
    # shellcheck disable=SC2086
    as_root pg_ctlcluster --skip-systemctl-redirect $cluster start || die "pg_ctlcluster $cluster start failed"
    local i
    for i in $(seq 1 40); do pg_ready && break; sleep 0.25; done
    pg_ready || die "PostgreSQL did not accept connections on 127.0.0.1:${ASSAY_PG_PORT:-5432}"
  fi
  # The test database and its role: created once, reused after.
  local user=${ASSAY_TEST_PG_USER:-assay} db=${ASSAY_TEST_PG_DB:-assay_test} pw=${ASSAY_TEST_PG_PASSWORD:-assay}
  if ! as_root runuser -u postgres -- psql -qtAc "SELECT 1 FROM pg_roles WHERE rolname='$user'" | grep -q 1; then
    say "creating PostgreSQL role $user"
    as_root runuser -u postgres -- psql -qc "CREATE ROLE $user LOGIN PASSWORD '$pw'" >/dev/null
  fi
  if ! as_root runuser -u postgres -- psql -qtAc "SELECT 1 FROM pg_database WHERE datname='$db'" | grep -q 1; then
    say "creating PostgreSQL database $db"
    as_root runuser -u postgres -- psql -qc "CREATE DATABASE $db OWNER $user" >/dev/null
  fi
}

ensure_browser() {
  apt_install chromium chromium-driver
}

ensure_test_tools() {
  apt_install debootstrap socat docker-compose
}
