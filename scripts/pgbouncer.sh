#!/usr/bin/env bash
# Usage: bash scripts/pgbouncer.sh start|stop
#
# A PgBouncer in transaction mode, with no prepared-statement tracking, in front of the local
# PostgreSQL: CI runs the suites through it (a pooler may hand each transaction to another
# server connection; docs/database.md). Debian's package (1.18) is installed when missing; it
# does not know `max_prepared_statements`, which is what we want to be robust against.
#
#   PGBOUNCER_PORT     listen port on 127.0.0.1 (default 6432)
#   PGBOUNCER_TARGET   host:port of PostgreSQL (default 127.0.0.1:5432)
#   PGBOUNCER_POOL     server connections per database and user (default 30)
#
# Every database name is passed through to the same server (`test` in CI). Authentication is
# `trust` for the users in the auth file: the local server trusts 127.0.0.1 already.
set -euo pipefail

PORT="${PGBOUNCER_PORT:-6432}"
TARGET="${PGBOUNCER_TARGET:-127.0.0.1:5432}"
POOL="${PGBOUNCER_POOL:-30}"
# Where the running instance's directory (config, pid, log) is recorded, per port.
STATE="${TMPDIR:-/tmp}/shelfwise-pgbouncer-${PORT}.dir"

ready() {
  if command -v pg_isready >/dev/null; then
    pg_isready -h 127.0.0.1 -p "$PORT" -q
  else
    (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null
  fi
}

start() {
  if [[ -f "$STATE" ]] && kill -0 "$(cat "$(cat "$STATE")/pgbouncer.pid" 2>/dev/null)" 2>/dev/null; then
    echo "pgbouncer already running on 127.0.0.1:$PORT ($(cat "$STATE"))"
    return 0
  fi
  if ! command -v pgbouncer >/dev/null; then
    apt-get update
    DEBIAN_FRONTEND=noninteractive apt-get install -y pgbouncer
  fi
  # The package enables a system instance on 6432 where systemd runs; ours must own the port.
  if command -v systemctl >/dev/null && systemctl is-active --quiet pgbouncer 2>/dev/null; then
    systemctl stop pgbouncer
  fi

  local dir
  dir="$(mktemp -d "${TMPDIR:-/tmp}/shelfwise-pgbouncer.XXXXXX")"
  cat >"$dir/users.txt" <<'EOF'
"postgres" ""
EOF
  cat >"$dir/pgbouncer.ini" <<EOF
[databases]
* = host=${TARGET%:*} port=${TARGET##*:}

[pgbouncer]
listen_addr = 127.0.0.1
listen_port = ${PORT}
unix_socket_dir =
auth_type = trust
auth_file = ${dir}/users.txt
pool_mode = transaction
default_pool_size = ${POOL}
max_client_conn = 1000
max_db_connections = 0
; drivers' startup parameters PgBouncer does not track (node-postgres, psql)
ignore_startup_parameters = extra_float_digits,options
server_lifetime = 3600
logfile = ${dir}/pgbouncer.log
pidfile = ${dir}/pgbouncer.pid
EOF
  # PgBouncer refuses to run as root.
  local user=()
  if [[ "$(id -u)" == 0 ]]; then
    chown -R postgres "$dir"
    user=(-u postgres)
  fi
  pgbouncer -d "${user[@]}" "$dir/pgbouncer.ini"
  echo "$dir" >"$STATE"
  for _ in $(seq 1 50); do
    if ready; then
      echo "pgbouncer $(pgbouncer --version | head -1) on 127.0.0.1:$PORT -> $TARGET (transaction mode, pid $(cat "$dir/pgbouncer.pid"))"
      return 0
    fi
    sleep 0.2
  done
  echo "pgbouncer did not start; its log:" >&2
  cat "$dir/pgbouncer.log" >&2 || true
  return 1
}

stop() {
  [[ -f "$STATE" ]] || { echo "pgbouncer on $PORT: not started by this script"; return 0; }
  local dir pid
  dir="$(cat "$STATE")"
  pid="$(cat "$dir/pgbouncer.pid" 2>/dev/null || true)"
  if [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null; then
    kill "$pid"
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  fi
  rm -rf "$dir" "$STATE"
  echo "pgbouncer on $PORT stopped"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
