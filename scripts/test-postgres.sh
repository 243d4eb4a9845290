#!/usr/bin/env bash
# A private PostgreSQL 15 cluster for the tests (ctest's `postgres` fixture).
#
#   test-postgres.sh start STATE_DIR   installs PostgreSQL 15 from Debian's packages when
#                                      missing, creates a cluster in a new temporary
#                                      directory, starts it on a free loopback port and
#                                      writes its URL (postgresql://USER:PASSWORD@HOST:PORT,
#                                      no database) to STATE_DIR/url
#   test-postgres.sh stop STATE_DIR    stops that cluster and removes it
#
# initdb refuses to run as root, so as root the cluster belongs to the unprivileged
# `postgres` user that Debian's package creates. Connections over TCP need the random
# password in the URL; the cluster listens on 127.0.0.1 only.
set -euo pipefail

usage="usage: test-postgres.sh start|stop STATE_DIR"
action="${1:?$usage}"
state="${2:?$usage}"

say() { echo "test-postgres: $*"; }

find_bindir() {
  local dir
  for dir in /usr/lib/postgresql/15/bin /usr/lib/postgresql/*/bin; do
    if [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ]; then
      echo "$dir"
      return 0
    fi
  done
  return 1
}

install_postgres() {
  say "PostgreSQL 15 is not installed; installing it from Debian's packages"
  local sudo_cmd=()
  [ "$(id -u)" -ne 0 ] && sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq \
    --no-install-recommends postgresql-15 >/dev/null
}

# Runs a command as the cluster's owner.
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

start() {
  local bindir
  if ! bindir=$(find_bindir); then
    install_postgres
    bindir=$(find_bindir) || { say "initdb not found after installing postgresql-15" >&2; exit 1; }
  fi
  if [ "$(id -u)" -eq 0 ] && ! id postgres >/dev/null 2>&1; then
    say "running as root needs the unprivileged user \`postgres\` (created by postgresql-15)" >&2
    exit 1
  fi
  [ -f "$state/cluster" ] && stop
  mkdir -p "$state"
  local cluster password port
  # As root, in /tmp itself: the `postgres` user must reach it, and TMPDIR may be private.
  local parent="${TMPDIR:-/tmp}"
  [ "$(id -u)" -eq 0 ] && parent=/tmp
  cluster=$(mktemp -d "$parent/warden-pg.XXXXXX")
  echo "$cluster" >"$state/cluster"
  password=$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')
  printf '%s\n' "$password" >"$cluster/pwfile"
  chmod 700 "$cluster"
  [ "$(id -u)" -eq 0 ] && chown -R postgres: "$cluster"
  if ! as_owner "$bindir/initdb" -D "$cluster/data" -U warden --pwfile="$cluster/pwfile" \
      --auth-local=trust --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 --no-sync \
      >"$cluster/initdb.log" 2>&1; then
    say "initdb failed:" >&2
    cat "$cluster/initdb.log" >&2
    exit 1
  fi
  # A random port, again while another process holds it.
  local attempt
  for attempt in 1 2 3 4 5 6 7 8 9 10; do
    port=$((20000 + RANDOM % 40000))
    if as_owner "$bindir/pg_ctl" -D "$cluster/data" -l "$cluster/server.log" -w -t 60 \
        -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$cluster -c max_connections=100" \
        start >/dev/null 2>&1; then
      printf 'postgresql://warden:%s@127.0.0.1:%s\n' "$password" "$port" >"$state/url"
      chmod 600 "$state/url"
      say "cluster in $cluster on 127.0.0.1:$port ($("$bindir/postgres" --version))"
      return 0
    fi
  done
  say "the cluster did not start; its log:" >&2
  cat "$cluster/server.log" >&2 || true
  exit 1
}

stop() {
  [ -f "$state/cluster" ] || { say "no cluster recorded in $state"; return 0; }
  local cluster bindir
  cluster=$(cat "$state/cluster")
  if bindir=$(find_bindir) && [ -d "$cluster/data" ]; then
    as_owner "$bindir/pg_ctl" -D "$cluster/data" -m fast -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$cluster"
  rm -f "$state/cluster" "$state/url"
  say "cluster stopped and removed"
}

case "$action" in
  start) start ;;
  stop) stop ;;
  *) echo "$usage" >&2; exit 2 ;;
esac
