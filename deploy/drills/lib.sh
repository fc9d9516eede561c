# Shared by the fault drills (issue 6): each drill starts its OWN stack (a private PostgreSQL cluster, a KRaft
# Kafka broker, the three packaged services) on ports of its own, drives load with DrillLoad, injects its fault,
# then DrillCheck compares everything after recovery. Nothing of deploy/local's stack or of the tests is touched;
# everything started here is stopped by the EXIT trap and the state directory is removed.
# Ports (override if taken): DRILL_PG_PORT 56432, DRILL_KAFKA_PORT 59192 (+1 controller), DRILL_HTTP_BASE 18080
# (+1 organization, +2 candidate, +3 reporting). DRILL_THREADS (6) load threads. DRILL_KEEP=1 keeps the state.
source "$(dirname "${BASH_SOURCE[0]}")/../local/lib.sh"   # step/info/die, pg_bin, as_pg, alive, port_open, http_status
DRILLS_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
DRILL_PG_PORT="${DRILL_PG_PORT:-56432}"
DRILL_KAFKA_PORT="${DRILL_KAFKA_PORT:-59192}"
DRILL_HTTP_BASE="${DRILL_HTTP_BASE:-18080}"
DRILL_THREADS="${DRILL_THREADS:-6}"
DRILL_NAME="$(basename "$0")"
KAFKA_LIBS="$DRILLS_DIR/.cache/kafka-libs"
declare -A PORT=([organization-service]=$((DRILL_HTTP_BASE + 1)) [candidate-service]=$((DRILL_HTTP_BASE + 2))
                 [reporting-service]=$((DRILL_HTTP_BASE + 3)))
declare -A DB=([organization-service]=organization [candidate-service]=candidate [reporting-service]=reporting)
DRILL_SERVICES=(organization-service candidate-service reporting-service)
DRILL_STARTED=$(date +%s)

url() { echo "http://localhost:${PORT[$1]}"; }
elapsed() { echo "$(( $(date +%s) - DRILL_STARTED )) s"; }
log() { printf '[%5s] %s\n' "$(elapsed)" "$*"; }

drill_init() {
  for p in "$DRILL_PG_PORT" "$DRILL_KAFKA_PORT" "$((DRILL_KAFKA_PORT + 1))" "${PORT[@]}"; do
    port_open "$p" && die "port $p is taken (another drill running?); set DRILL_PG_PORT/DRILL_KAFKA_PORT/DRILL_HTTP_BASE"
  done
  STATE=$(mktemp -d "${TMPDIR:-/tmp}/partydev-drill-$DRILL_NAME.XXXXXX")
  chmod 755 "$STATE"
  LOGS="$STATE/logs"
  mkdir -p "$LOGS"
  DRILL_PGDATA="$STATE/pgdata"
  trap drill_cleanup EXIT
  trap 'exit 130' INT TERM
  step "Drill $DRILL_NAME (state in $STATE; load average $(cut -d' ' -f1-3 /proc/loadavg))"
}

drill_cleanup() {
  local code=$?
  set +e
  [ -f "$STATE/load.pid" ] && alive "$STATE/load.pid" && kill -9 "$(cat "$STATE/load.pid")" 2>/dev/null
  for svc in "${DRILL_SERVICES[@]}"; do
    alive "$STATE/$svc.pid" && kill -9 "$(cat "$STATE/$svc.pid")" 2>/dev/null
  done
  alive "$STATE/kafka.pid" && kill -9 "$(cat "$STATE/kafka.pid")" 2>/dev/null
  if [ -f "$DRILL_PGDATA/PG_VERSION" ]; then
    as_pg "$(pg_bin)/pg_ctl" -D "$DRILL_PGDATA" -m immediate -w stop >/dev/null 2>&1
  fi
  if [ "$code" -ne 0 ] || [ "${DRILL_KEEP:-0}" = 1 ]; then
    local keep="$DRILLS_DIR/.logs/$DRILL_NAME-$(date -u +%Y%m%dT%H%M%SZ)"
    mkdir -p "$keep" && cp -r "$LOGS/." "$keep/" 2>/dev/null
    cp "$STATE"/*.tsv "$STATE"/*.txt "$keep/" 2>/dev/null
    echo "logs kept in $keep"
  fi
  [ "${DRILL_KEEP:-0}" = 1 ] || rm -rf "$STATE"
  echo "$DRILL_NAME finished in $(elapsed) with exit code $code"
  exit "$code"
}

# The three services' jars and the drill programs; built (package, never install) only when missing.
drill_build() {
  local missing=0
  for svc in "${DRILL_SERVICES[@]}"; do
    [ -f "$REPO_DIR/$svc/target/quarkus-app/quarkus-run.jar" ] || missing=1
  done
  [ -f "$REPO_DIR/deploy/benchmarks/target/classpath.txt" ] || missing=1
  [ -f "$REPO_DIR/deploy/benchmarks/target/classes/vn/partydev/bench/DrillLoad.class" ] || missing=1
  # Always rebuild (incremental, tests skipped) unless told not to: a drill must exercise the code of this
  # checkout, not jars left in target/ by an older build (that once hid a fix from a drill).
  [ "${DRILL_SKIP_BUILD:-0}" = 1 ] || missing=1
  if [ "$missing" = 1 ]; then
    log "building the services and the drill programs (./mvnw package, tests skipped)"
    (cd "$REPO_DIR" && ./mvnw -B -o -q -DskipTests package \
        -pl organization-service,candidate-service,reporting-service,deploy/benchmarks -am) > "$LOGS/build.log" 2>&1 \
      || (cd "$REPO_DIR" && ./mvnw -B -q -DskipTests package \
        -pl organization-service,candidate-service,reporting-service,deploy/benchmarks -am) > "$LOGS/build.log" 2>&1 \
      || die "build failed; see $LOGS/build.log"
  fi
  DRILL_CP="$REPO_DIR/deploy/benchmarks/target/classes:$(cat "$REPO_DIR/deploy/benchmarks/target/classpath.txt")"
}

start_postgres() {
  local pgbin
  pgbin=$(pg_bin)
  [ -n "$pgbin" ] || die "PostgreSQL binaries not found under /usr/lib/postgresql (apt-get install postgresql)"
  if [ "$(id -u)" -eq 0 ]; then
    install -d -o postgres -g postgres -m 700 "$DRILL_PGDATA"
  else
    install -d -m 700 "$DRILL_PGDATA"
  fi
  as_pg "$pgbin/initdb" -D "$DRILL_PGDATA" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
  as_pg "$pgbin/pg_ctl" -D "$DRILL_PGDATA" -l "$DRILL_PGDATA/server.log" -w \
      -o "-p $DRILL_PG_PORT -k /tmp -c listen_addresses=localhost -c max_connections=200" start >/dev/null
  for svc in "${DRILL_SERVICES[@]}"; do
    "$pgbin/psql" -h localhost -p "$DRILL_PG_PORT" -U postgres -qc "CREATE DATABASE ${DB[$svc]}"
  done
  log "PostgreSQL $("$pgbin/postgres" --version | awk '{print $3}') on $DRILL_PG_PORT"
}

restart_postgres() {
  as_pg "$(pg_bin)/pg_ctl" -D "$DRILL_PGDATA" -m "${1:-fast}" -w restart >/dev/null
}

start_kafka() {
  if [ -z "$(ls "$KAFKA_LIBS" 2>/dev/null)" ]; then
    log "fetching Apache Kafka 4.2.1 (Maven, deploy/local/kafka/pom.xml)"
    "$REPO_DIR/mvnw" -B -q -o -f "$REPO_DIR/deploy/local/kafka/pom.xml" dependency:copy-dependencies \
        -DoutputDirectory="$KAFKA_LIBS" -DincludeScope=runtime >/dev/null 2>&1 \
      || "$REPO_DIR/mvnw" -B -q -f "$REPO_DIR/deploy/local/kafka/pom.xml" dependency:copy-dependencies \
        -DoutputDirectory="$KAFKA_LIBS" -DincludeScope=runtime
  fi
  local kdir="$STATE/kafka" controller=$((DRILL_KAFKA_PORT + 1))
  mkdir -p "$kdir/data"
  sed -e "s/59093/$controller/g" -e "s/59092/$DRILL_KAFKA_PORT/g" \
      -e "s|^process.roles|log.dirs=$kdir/data\nprocess.roles|" \
      "$REPO_DIR/deploy/local/kafka/server.properties" > "$kdir/server.properties"
  # Few offsets partitions: a broker restarted after kill -9 recovers each one, which is slow on a busy machine.
  echo "offsets.topic.num.partitions=3" >> "$kdir/server.properties"
  java -cp "$KAFKA_LIBS/*" kafka.tools.StorageTool format -t "$(java -cp "$KAFKA_LIBS/*" kafka.tools.StorageTool \
      random-uuid 2>/dev/null | tail -1)" -c "$kdir/server.properties" >/dev/null 2>&1
  run_kafka
}

run_kafka() {
  nohup java -Xms256m -Xmx512m -cp "$KAFKA_LIBS/*" kafka.Kafka "$STATE/kafka/server.properties" \
      >> "$LOGS/kafka.log" 2>&1 &
  echo $! > "$STATE/kafka.pid"
  disown
  for _ in $(seq 1 240); do port_open "$DRILL_KAFKA_PORT" && break; sleep 0.5; done
  port_open "$DRILL_KAFKA_PORT" || die "Kafka did not start; see $LOGS/kafka.log"
  log "Kafka broker on $DRILL_KAFKA_PORT (pid $(cat "$STATE/kafka.pid"))"
}

kill9() {
  local name=$1 pidfile="$STATE/$1.pid" pid
  pid=$(cat "$pidfile")
  kill -9 "$pid"
  while kill -0 "$pid" 2>/dev/null; do sleep 0.1; done
  local port=${PORT[$name]:-$DRILL_KAFKA_PORT}
  port_open "$port" && die "port $port still answers after kill -9 of $name (pid $pid): wrong process?"
  log "kill -9 $name (pid $pid); port $port closed"
}

start_service() {
  local svc=$1 upper
  upper=$(echo "${DB[$svc]}" | tr a-z A-Z)
  # Started directly (no subshell) so that $! is the JVM itself: kill -9 must hit the service, not a wrapper.
  env QUARKUS_PROFILE=local QUARKUS_HTTP_PORT="${PORT[$svc]}" \
      "${upper}_DB_URL=jdbc:postgresql://localhost:$DRILL_PG_PORT/${DB[$svc]}" \
      KAFKA_BOOTSTRAP_SERVERS="localhost:$DRILL_KAFKA_PORT" \
      ORGANIZATION_SERVICE_URL="$(url organization-service)" \
      JWT_PUBLIC_KEY_LOCATION="$REPO_DIR/deploy/local/dev-jwt/public-key.pem" \
      nohup java @"$REPO_DIR/deploy/service-jvm.options" -Xms384m -Xmx384m -jar "$REPO_DIR/$svc/target/quarkus-app/quarkus-run.jar" >> "$LOGS/$svc.log" 2>&1 &
  echo $! > "$STATE/$svc.pid"
  disown
}

await_ready() {
  local svc=$1
  for _ in $(seq 1 360); do
    [ "$(http_status "${PORT[$svc]}" /q/health/ready)" = 200 ] && { log "$svc ready on ${PORT[$svc]}"; return; }
    alive "$STATE/$svc.pid" || die "$svc stopped; see $LOGS/$svc.log"
    sleep 0.5
  done
  die "$svc is not ready after 180 s; see $LOGS/$svc.log"
}

start_stack() {
  drill_build
  start_postgres
  start_kafka
  for svc in "${DRILL_SERVICES[@]}"; do start_service "$svc"; done
  for svc in "${DRILL_SERVICES[@]}"; do await_ready "$svc"; done
}

start_load() {
  java -Xmx256m -cp "$DRILL_CP" vn.partydev.bench.DrillLoad organization="$(url organization-service)" \
      candidate="$(url candidate-service)" dir="$STATE" threads="$DRILL_THREADS" > "$LOGS/load.log" 2>&1 &
  echo $! > "$STATE/load.pid"
  disown
  for _ in $(seq 1 360); do
    [ -f "$STATE/load.ready" ] && break
    alive "$STATE/load.pid" || { cat "$LOGS/load.log"; die "the load driver stopped during set-up"; }
    sleep 0.5
  done
  [ -f "$STATE/load.ready" ] || die "the load driver's set-up took more than 180 s; see $LOGS/load.log"
  log "load running ($DRILL_THREADS threads): $(head -1 "$LOGS/load.log")"
}

# Progress of the load so far: actions answered 200/201.
acked() { wc -l < "$STATE/acked.tsv" | tr -d ' '; }

under_load() { log "load for ${1} s (acked so far: $(acked))"; sleep "$1"; }

stop_load() {
  touch "$STATE/load.stop"
  local pid
  pid=$(cat "$STATE/load.pid")
  while kill -0 "$pid" 2>/dev/null; do sleep 0.5; done
  log "load stopped"
  cat "$STATE/load-summary.txt" 2>/dev/null | sed 's/^/    /'
}

check() {
  log "checking after recovery"
  local code=0
  java -Xmx256m -cp "$DRILL_CP" vn.partydev.bench.DrillCheck organization="$(url organization-service)" \
      candidate="$(url candidate-service)" reporting="$(url reporting-service)" \
      jdbc="jdbc:postgresql://localhost:$DRILL_PG_PORT/" dir="$STATE" deadline="${DRILL_DEADLINE:-180}" || code=$?
  return "$code"
}

# Events written to the outboxes but not yet on Kafka (shows that a broker outage was felt).
outbox_backlog() {
  local pgbin n=""
  pgbin=$(pg_bin)
  for db in candidate organization; do
    n="$n $db $("$pgbin/psql" -h localhost -p "$DRILL_PG_PORT" -U postgres -d "$db" -tAc \
        "SELECT count(*) FROM outbox_pending" 2>/dev/null || echo '?')"
  done
  echo "outbox rows not yet on Kafka:$n"
}
