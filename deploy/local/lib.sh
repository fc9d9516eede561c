# Shared settings of deploy/local/up, down and token. Everything the local stack keeps lives in .state/.
set -euo pipefail
LOCAL_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_DIR="$(cd "$LOCAL_DIR/../.." && pwd)"
STATE="$LOCAL_DIR/.state"
# As root the cluster lives where the postgres user can reach it whatever the repository's permissions.
if [ "$(id -u)" -eq 0 ]; then PGDATA="${PGDATA:-/var/lib/partydev-local/pgdata}"; else PGDATA="${PGDATA:-$STATE/pgdata}"; fi
PGPORT="${PGPORT:-55432}"
KAFKA_PORT=59092
KAFKA_DIR="$STATE/kafka"
LOGS="$STATE/logs"
SERVICES=(organization-service:8081:organization candidate-service:8082:candidate reporting-service:8083:reporting)

step() { printf '\n\033[1m==> %s\033[0m\n' "$*"; }
info() { printf '    %s\n' "$*"; }
die() { printf '\033[31mERROR: %s\033[0m\n' "$*" >&2; exit 1; }

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

# Runs a PostgreSQL server binary as the owner of the cluster (initdb refuses to run as root).
as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1; }

alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# The HTTP status of GET http://127.0.0.1:PORT/PATH (plain bash, no curl needed), or nothing.
http_status() {
  { exec 3<>"/dev/tcp/127.0.0.1/$1"; } 2>/dev/null || return 0
  printf 'GET %s HTTP/1.0\r\nHost: localhost\r\n\r\n' "$2" >&3
  head -1 <&3 | awk '{print $2}'
  exec 3>&-
}
