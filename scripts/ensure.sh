# shellcheck shell=bash
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

# Runs a command with only stdin, stdout and stderr open (call it in a subshell). A daemon started from here keeps
# every descriptor it inherits for as long as it runs: a lock the caller took with flock around the set-up would
# stay held by dockerd or PostgreSQL, and every later flock on it would wait forever.
without_inherited_fds() {
  local fd
  for fd in "/proc/$BASHPID/fd"/*; do
    fd=${fd##*/}
    [ "$fd" -gt 2 ] 2>/dev/null && eval "exec $fd>&-" 2>/dev/null
  done
  "$@"
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
    as_root apt-get -o DPkg::Lock::Timeout=600 update -q >/dev/null || die "apt-get update failed: check the mirrors in /etc/apt/sources.list.d/"
    APT_UPDATED=1
  fi
  say "installing ${missing[*]}"
  # Wait for another apt (an unattended upgrade, a second install) instead of failing on its lock.
  as_root env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -q --no-install-recommends \
    "${missing[@]}" >/dev/null \
    || die "apt-get install ${missing[*]} failed"
}

java_major() { # java_major <java binary>: prints the major version, e.g. 17
  "$1" -version 2>&1 | awk -F'"' '/version/ { split($2, v, "."); print (v[1] == "1" ? v[2] : v[1]); exit }'
}

# Assay builds on Java 17 (the enforcer checks it). Uses the default java if it is 17, else a JDK 17 from
# /usr/lib/jvm, else installs Debian's openjdk-17-jdk-headless.
ensure_java_build() {
  if ! command -v java >/dev/null 2>&1 || [ "$(java_major java)" != 17 ] || ! command -v javac >/dev/null 2>&1; then
    local jdk
    jdk=$(find /usr/lib/jvm -maxdepth 1 -name 'java-17-openjdk*' -type d 2>/dev/null | head -n 1)
    if [ -z "$jdk" ]; then
      apt_install openjdk-17-jdk-headless
      jdk=$(find /usr/lib/jvm -maxdepth 1 -name 'java-17-openjdk*' -type d | head -n 1)
    fi
    [ -x "$jdk/bin/javac" ] || die "no JDK 17 found in /usr/lib/jvm after installing openjdk-17-jdk-headless"
    say "using the JDK 17 in $jdk"
    export JAVA_HOME="$jdk" PATH="$jdk/bin:$PATH"
  fi
  command -v mvn >/dev/null 2>&1 || apt_install maven
}

docker_ready() { docker version --format '{{.Server.Version}}' >/dev/null 2>&1; }

docker_denied() { # the engine runs, but this user may not use its socket
  [ "$(id -u)" -ne 0 ] && [ -S /var/run/docker.sock ] && as_root docker version >/dev/null 2>&1
}

ensure_docker() {
  command -v dockerd >/dev/null 2>&1 || apt_install docker.io
  command -v docker >/dev/null 2>&1 || apt_install docker.io
  docker_ready && return 0
  if docker_denied; then
    die "the Docker engine runs but $(id -un) may not use it: 'sudo usermod -aG docker $(id -un)', then log in again"
  fi
  say "starting the Docker engine (dockerd, log in /var/log/assay-dockerd.log)"
  # a session of its own: stopping the command that started it (Ctrl-C, a killed job) must not stop the engine
  (without_inherited_fds as_root sh -c \
    'setsid -f dockerd --host unix:///var/run/docker.sock >/var/log/assay-dockerd.log 2>&1 </dev/null')
  local _
  for _ in $(seq 1 60); do
    docker_ready && { say "Docker engine $(docker version --format '{{.Server.Version}}') is up"; return 0; }
    docker_denied && die "the Docker engine started but $(id -un) may not use it: 'sudo usermod -aG docker $(id -un)', then log in again"
    sleep 0.5
  done
  die "the Docker engine did not answer within 30 s; see /var/log/assay-dockerd.log"
}

pg_sql() { as_root runuser -u postgres -- psql -v ON_ERROR_STOP=1 -qtA "$@"; }
pg_ready() { pg_isready -q -h 127.0.0.1 -p "${ASSAY_PG_PORT:-5432}" 2>/dev/null; }

ensure_postgres() {
  apt_install postgresql
  if ! pg_ready; then
    local cluster
    cluster=$(pg_lsclusters -h 2>/dev/null | awk 'NR==1 {print $1" "$2}')
    [ -n "$cluster" ] || die "no PostgreSQL cluster found (pg_lsclusters is empty): create one with pg_createcluster"
    say "starting PostgreSQL cluster $cluster"
    # shellcheck disable=SC2086
    (without_inherited_fds as_root pg_ctlcluster --skip-systemctl-redirect $cluster start) \
      || die "pg_ctlcluster $cluster start failed"
    local _
    for _ in $(seq 1 40); do pg_ready && break; sleep 0.25; done
    pg_ready || die "PostgreSQL did not accept connections on 127.0.0.1:${ASSAY_PG_PORT:-5432}"
  fi
  # The test database and its role: created once, reused after (and repaired if the password differs).
  local user=${ASSAY_TEST_PG_USER:-assay} db=${ASSAY_TEST_PG_DB:-assay_test} pw=${ASSAY_TEST_PG_PASSWORD:-assay}
  if PGPASSWORD="$pw" psql -qtA -h 127.0.0.1 -p "${ASSAY_PG_PORT:-5432}" -U "$user" -d "$db" -c 'SELECT 1' >/dev/null 2>&1; then
    return 0
  fi
  [[ "$user" =~ ^[a-z_][a-z0-9_]*$ && "$db" =~ ^[a-z_][a-z0-9_]*$ && "$pw" != *"'"* ]] \
    || die "ASSAY_TEST_PG_USER/DB must be lower-case identifiers and the password must not contain a quote"
  if pg_sql -c "SELECT 1 FROM pg_roles WHERE rolname='$user'" | grep -q 1; then
    say "setting the password of PostgreSQL role $user"
    pg_sql -c "ALTER ROLE $user LOGIN PASSWORD '$pw'" >/dev/null
  else
    say "creating PostgreSQL role $user"
    pg_sql -c "CREATE ROLE $user LOGIN PASSWORD '$pw'" >/dev/null
  fi
  if ! pg_sql -c "SELECT 1 FROM pg_database WHERE datname='$db'" | grep -q 1; then
    say "creating PostgreSQL database $db"
    pg_sql -c "CREATE DATABASE $db OWNER $user" >/dev/null
  fi
}

ensure_browser() {
  apt_install chromium chromium-driver
}

ensure_test_tools() {
  apt_install debootstrap socat docker-compose shellcheck
}

# promtool checks and unit-tests deploy/monitoring/alerts.yml (MonitoringRulesIT). It comes with Debian's
# prometheus package; the package's own server is not used (on a systemd machine Debian may start it).
ensure_promtool() {
  command -v promtool >/dev/null 2>&1 && return 0
  say "installing Debian's prometheus package for promtool (tests of the alert rules in deploy/monitoring)"
  apt_install prometheus
  command -v promtool >/dev/null 2>&1 || die "the prometheus package is installed but promtool is not on PATH"
}

# The HCL oracle: HashiCorp's HCL parser (Debian's golang-github-hashicorp-hcl-v2-dev, built with Debian's Go,
# offline in GOPATH mode) behind a small program, graders/src/test/go/hcl-oracle, that HclOracleTest holds
# Assay's own HCL reader to. Built once per HCL version and program source, cached outside the work tree;
# exports ASSAY_HCL_ORACLE, its path.
ensure_hcl_oracle() {
  local src=graders/src/test/go/hcl-oracle/main.go version digest dir
  apt_install golang-go golang-github-hashicorp-hcl-v2-dev
  version=$(dpkg-query -W -f='${Version}' golang-github-hashicorp-hcl-v2-dev)
  digest=$(sha256sum "$src" | cut -c1-12)
  dir=${XDG_CACHE_HOME:-$HOME/.cache}/assay/hcl-oracle/$version-$digest
  if [ ! -x "$dir/hcl-oracle" ]; then
    say "building the HCL oracle (HashiCorp's HCL $version with Debian's Go, offline) into $dir"
    mkdir -p "$dir"
    GO111MODULE=off GOPATH=/usr/share/gocode GOFLAGS='' GOPROXY=off GOCACHE="$dir/go-build" \
      go build -o "$dir/hcl-oracle.tmp" -ldflags "-X main.hclVersion=$version" "$src" \
      || die "building the HCL oracle failed: see the Go output above"
    mv "$dir/hcl-oracle.tmp" "$dir/hcl-oracle"
    rm -rf "$dir/go-build"
  fi
  export ASSAY_HCL_ORACLE="$dir/hcl-oracle"
}
