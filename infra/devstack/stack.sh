#!/usr/bin/env bash
# AnimeTracker development stack without Docker: PostgreSQL, Redis, a KRaft Kafka broker, a GreenMail mail sink and
# the six Spring Boot services, as plain processes on 127.0.0.1. Used by `make run` and by the system tests.
#
#   stack.sh run                 up, print the address, stay in the foreground; INT/TERM -> down
#   stack.sh up                  build jars (unless SKIP_BUILD=1), start infra + services, wait healthy, return
#   stack.sh down                stop everything this stack started (pid files in $STACK_DIR)
#   stack.sh stop  <component>   kafka | mail | redis | postgres | gateway | user-service | torrent-service | ...
#   stack.sh start <component>   start it again and wait until it is ready
#   stack.sh status
# Extras: stack.sh infra-up (PostgreSQL + Redis + databases only), stack.sh prepare (fetch Kafka/GreenMail jars),
#         stack.sh logs <component> (path of the log file).
#
# Environment overrides: see docs/devstack.md (names from docs/conventions.md).
set -Eeuo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
START_NS="$(date +%s%N)"

# ---------------------------------------------------------------------------------------------------------- config
STACK_DIR="${STACK_DIR:-$ROOT/var/devstack}"
mkdir -p "$STACK_DIR"
STACK_DIR="$(cd "$STACK_DIR" && pwd)"
PID_DIR="$STACK_DIR/pids"
LOG_DIR="$STACK_DIR/logs"

GATEWAY_PORT="${GATEWAY_PORT:-8080}"
USER_SERVICE_PORT="${USER_SERVICE_PORT:-8081}"
TORRENT_SERVICE_PORT="${TORRENT_SERVICE_PORT:-8082}"
SEARCH_SERVICE_PORT="${SEARCH_SERVICE_PORT:-8083}"
TRACKER_MANAGEMENT_PORT="${TRACKER_MANAGEMENT_PORT:-8084}"
TRACKER_PORT="${TRACKER_PORT:-6969}"
NOTIFICATION_SERVICE_PORT="${NOTIFICATION_SERVICE_PORT:-8085}"
KAFKA_PORT="${KAFKA_PORT:-9092}"
KAFKA_CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-9093}"
SMTP_PORT="${SMTP_PORT:-3025}"
IMAP_PORT="${IMAP_PORT:-3143}"
DB_HOST="${DB_HOST:-127.0.0.1}"
DB_PORT="${DB_PORT:-5432}"
DB_NAME_PREFIX="${DB_NAME_PREFIX:-animetracker}"
REDIS_HOST="${REDIS_HOST:-127.0.0.1}"
REDIS_PORT="${REDIS_PORT:-6379}"
REDIS_DATABASE="${REDIS_DATABASE:-0}"
PUBLIC_BASE_URL="${PUBLIC_BASE_URL:-http://localhost:$GATEWAY_PORT}"
SPRING_PROFILES_ACTIVE="${SPRING_PROFILES_ACTIVE:-dev}"
HEALTH_TIMEOUT="${HEALTH_TIMEOUT:-180}"
KAFKA_TIMEOUT="${KAFKA_TIMEOUT:-90}"
SERVICE_JAVA_OPTS="${SERVICE_JAVA_OPTS:--XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmx256m -Xss512k}"
# The tracker's hot path needs the optimising JIT (C2) and a throughput GC: C1-only halves announces/s.
TRACKER_JAVA_OPTS="${TRACKER_JAVA_OPTS:--XX:+UseParallelGC -Xms256m -Xmx512m -Xss512k}"
KAFKA_JAVA_OPTS="${KAFKA_JAVA_OPTS:--Xmx512m}"

ALL_SERVICES=(user-service notification-service torrent-service search-service tracker-service gateway)
# STACK_SERVICES: a subset to start with up/run (default: all six), e.g. STACK_SERVICES="torrent-service search-service".
read -r -a SERVICES <<<"${STACK_SERVICES:-${ALL_SERVICES[*]}}"
KAFKA_LIB="$ROOT/var/kafka/lib"
GREENMAIL_LIB="$ROOT/var/greenmail/lib"
MARK="-Danimetracker.devstack=$STACK_DIR" # identifies our JVMs (pid reuse guard)

# Shared functions (logging, processes, PostgreSQL, the mail sink, jars): also used by infra/cluster/cluster.sh.
# shellcheck source=../lib/common.sh
source "$ROOT/infra/lib/common.sh"
db_credentials
JAVA="$(find_java)"
export JAVA_HOME="${JAVA%/bin/java}" # for ./mvnw

# ------------------------------------------------------------------------------------------------------------- Redis
start_redis() {
  mkdir -p "$PID_DIR" "$LOG_DIR"
  if running_pid redis >/dev/null; then
    log "Redis: already running (this stack) on $REDIS_HOST:$REDIS_PORT"
    return 0
  fi
  if tcp_open "$REDIS_HOST" "$REDIS_PORT"; then
    log "Redis: using the server at $REDIS_HOST:$REDIS_PORT"
    return 0
  fi
  is_local_host "$REDIS_HOST" || die "Redis at $REDIS_HOST:$REDIS_PORT is not reachable (a remote REDIS_HOST is never started here)"
  command -v redis-server >/dev/null || apt_install redis-server
  if tcp_open "$REDIS_HOST" "$REDIS_PORT"; then # started by the package's post-install
    log "Redis: using the server at $REDIS_HOST:$REDIS_PORT"
    return 0
  fi
  mkdir -p "$STACK_DIR/redis"
  log "Redis: starting redis-server on 127.0.0.1:$REDIS_PORT (data in $STACK_DIR/redis)"
  spawn redis "$LOG_DIR/redis.log" redis-server --bind 127.0.0.1 --port "$REDIS_PORT" \
    --dir "$STACK_DIR/redis" --appendonly yes --save 60 1 --daemonize no
  STARTED_NOW+=(redis)
  wait_tcp 127.0.0.1 "$REDIS_PORT" 20 || {
    tail -20 "$LOG_DIR/redis.log" >&2
    die "redis-server did not start on port $REDIS_PORT (log: $LOG_DIR/redis.log)"
  }
}

# ------------------------------------------------------------------------------------------------------------- Kafka
# Readiness: a Kafka ApiVersions request (v0) answered with our correlation id and error code 0. The broker only
# processes requests once it has started, so this means "ready", not just "port bound". No JVM needed; ~1 ms.
launch_kafka() {
  fetch_lib kafka "$KAFKA_LIB"
  if running_pid kafka >/dev/null; then
    log "Kafka: already running on 127.0.0.1:$KAFKA_PORT"
    return 1
  fi
  require_free_tcp "$KAFKA_PORT" KAFKA_PORT kafka
  require_free_tcp "$KAFKA_CONTROLLER_PORT" KAFKA_CONTROLLER_PORT kafka
  local dir="$STACK_DIR/kafka"
  mkdir -p "$dir/data" "$LOG_DIR"
  sed -e "s#@KAFKA_PORT@#$KAFKA_PORT#g" -e "s#@KAFKA_CONTROLLER_PORT@#$KAFKA_CONTROLLER_PORT#g" \
    -e "s#@DATA_DIR@#$dir/data#g" "$ROOT/infra/kafka/server.properties" >"$dir/server.properties"
  local tools=(-Dlog4j2.configurationFile="$ROOT/infra/kafka/log4j2-tools.properties" -cp "$KAFKA_LIB/*")
  if [ ! -f "$dir/data/meta.properties" ]; then
    local cluster_id
    cluster_id="$("$JAVA" "${tools[@]}" kafka.tools.StorageTool random-uuid)"
    log "Kafka: formatting storage in $dir/data (cluster id $cluster_id)"
    "$JAVA" "${tools[@]}" kafka.tools.StorageTool format -t "$cluster_id" -c "$dir/server.properties" \
      >>"$LOG_DIR/kafka.log" 2>&1 || die "Kafka storage format failed (log: $LOG_DIR/kafka.log)"
  fi
  log "Kafka: starting the KRaft broker on 127.0.0.1:$KAFKA_PORT (controller $KAFKA_CONTROLLER_PORT)"
  # shellcheck disable=SC2086
  spawn kafka "$LOG_DIR/kafka.log" "$JAVA" $KAFKA_JAVA_OPTS "$MARK" \
    -Dlog4j2.configurationFile="$ROOT/infra/kafka/log4j2.properties" \
    -cp "$KAFKA_LIB/*" kafka.Kafka "$dir/server.properties"
  STARTED_NOW+=(kafka)
  KAFKA_LAUNCHED_NS="$(date +%s%N)"
}

await_kafka() {
  local deadline=$((SECONDS + KAFKA_TIMEOUT)) pid
  until kafka_answers; do
    pid="$(running_pid kafka)" || {
      tail -30 "$LOG_DIR/kafka.log" >&2
      die "Kafka exited during start-up (log: $LOG_DIR/kafka.log)"
    }
    if [ "$SECONDS" -ge "$deadline" ]; then
      tail -30 "$LOG_DIR/kafka.log" >&2
      die "Kafka did not become ready on port $KAFKA_PORT within ${KAFKA_TIMEOUT}s (log: $LOG_DIR/kafka.log)"
    fi
    sleep 0.1
  done
  [ -n "${KAFKA_LAUNCHED_NS:-}" ] && log "Kafka: ready in $(secs "$(elapsed "$KAFKA_LAUNCHED_NS")") s"
  return 0
}
start_kafka() { if launch_kafka; then await_kafka; fi; }

# ---------------------------------------------------------------------------------------------------------- services
service_port() {
  case "$1" in
    gateway) echo "$GATEWAY_PORT" ;;
    user-service) echo "$USER_SERVICE_PORT" ;;
    torrent-service) echo "$TORRENT_SERVICE_PORT" ;;
    search-service) echo "$SEARCH_SERVICE_PORT" ;;
    tracker-service) echo "$TRACKER_MANAGEMENT_PORT" ;;
    notification-service) echo "$NOTIFICATION_SERVICE_PORT" ;;
    *) return 1 ;;
  esac
}
service_port_var() {
  case "$1" in
    gateway) echo GATEWAY_PORT ;; user-service) echo USER_SERVICE_PORT ;;
    torrent-service) echo TORRENT_SERVICE_PORT ;; search-service) echo SEARCH_SERVICE_PORT ;;
    tracker-service) echo TRACKER_MANAGEMENT_PORT ;; notification-service) echo NOTIFICATION_SERVICE_PORT ;;
  esac
}
is_service() { service_port "$1" >/dev/null 2>&1; }

launch_service() {
  local name="$1" port jar db
  port="$(service_port "$name")"
  if running_pid "$name" >/dev/null; then
    log "$name: already running on port $port"
    return 1
  fi
  jar="$(service_jar "$name")"
  [ -f "$jar" ] || die "$name: $jar is missing; build it (./mvnw -B -DskipTests package) or unset SKIP_BUILD"
  require_free_tcp "$port" "$(service_port_var "$name")" "$name"
  if [ "$name" = tracker-service ]; then
    require_free_tcp "$TRACKER_PORT" TRACKER_PORT tracker-service
    require_free_udp "$TRACKER_PORT" TRACKER_PORT tracker-service
  fi
  db="$(service_db "$name")"
  mkdir -p "$LOG_DIR"
  local urls=(
    USER_SERVICE_URL="http://127.0.0.1:$USER_SERVICE_PORT"
    TORRENT_SERVICE_URL="http://127.0.0.1:$TORRENT_SERVICE_PORT"
    SEARCH_SERVICE_URL="http://127.0.0.1:$SEARCH_SERVICE_PORT"
    TRACKER_SERVICE_URL="http://127.0.0.1:$TRACKER_MANAGEMENT_PORT"
    NOTIFICATION_SERVICE_URL="http://127.0.0.1:$NOTIFICATION_SERVICE_PORT"
    JWKS_URI="${JWKS_URI:-http://127.0.0.1:$USER_SERVICE_PORT/.well-known/jwks.json}"
  )
  echo "----- $(date '+%F %T') starting $name on port $port" >>"$LOG_DIR/$name.log"
  local java_opts="$SERVICE_JAVA_OPTS"
  [ "$name" = tracker-service ] && java_opts="$TRACKER_JAVA_OPTS"
  # shellcheck disable=SC2086
  spawn "$name" "$LOG_DIR/$name.log" env -u DB_NAME \
    SPRING_PROFILES_ACTIVE="$SPRING_PROFILES_ACTIVE" SERVER_PORT="$port" \
    ${db:+DB_NAME="$db"} DB_HOST="$DB_HOST" DB_PORT="$DB_PORT" DB_USER="$DB_USER" DB_PASSWORD="$DB_PASSWORD" \
    REDIS_HOST="$REDIS_HOST" REDIS_PORT="$REDIS_PORT" REDIS_DATABASE="$REDIS_DATABASE" \
    KAFKA_BOOTSTRAP_SERVERS="127.0.0.1:$KAFKA_PORT" SMTP_HOST=127.0.0.1 SMTP_PORT="$SMTP_PORT" \
    PUBLIC_BASE_URL="$PUBLIC_BASE_URL" TRACKER_PORT="$TRACKER_PORT" TORRENT_LEGACY_STORAGE_DIR="$STACK_DIR/storage" \
    TRACKER_ANNOUNCE_URLS="${TRACKER_ANNOUNCE_URLS:-http://localhost:$TRACKER_PORT/announce,udp://localhost:$TRACKER_PORT/announce}" \
    "${urls[@]}" \
    "$JAVA" $java_opts "$MARK" -jar "$jar"
  STARTED_NOW+=("$name")
}

stack_service_healthy() { service_healthy "$(service_port "$1")"; }
await_services() { await_healthy stack_service_healthy service_port "$@"; } # names...

# --------------------------------------------------------------------------------------------- component dispatch
COMPONENTS="postgres redis kafka mail ${ALL_SERVICES[*]}"
COMPONENTS_ALL="$COMPONENTS"

start_component() {
  case "$1" in
    postgres) start_postgres ;;
    redis) start_redis ;;
    kafka) start_kafka ;;
    mail) start_mail ;;
    *)
      is_service "$1" || die "unknown component '$1' (one of: $COMPONENTS)"
      if launch_service "$1"; then await_services "$1"; fi
      ;;
  esac
}

stop_component() {
  local name="$1" pid
  case "$name" in
    postgres)
      stop_postgres
      return 0
      ;;
    kafka | mail | redis) ;;
    *) is_service "$name" || die "unknown component '$name' (one of: $COMPONENTS)" ;;
  esac
  if pid="$(running_pid "$name")"; then
    log "stopping $name (pid $pid)"
    local grace=40
    [ "$name" = kafka ] && grace=60
    stop_pid "$name" "$pid" "$grace"
  fi
  rm -f "$(pid_file "$name")"
}

# ---------------------------------------------------------------------------------------------------------- commands
check_ports_free() { # every port of a component that is not running yet must be free, before anything starts
  local name
  running_pid kafka >/dev/null || {
    require_free_tcp "$KAFKA_PORT" KAFKA_PORT kafka
    require_free_tcp "$KAFKA_CONTROLLER_PORT" KAFKA_CONTROLLER_PORT kafka
  }
  running_pid mail >/dev/null || {
    require_free_tcp "$SMTP_PORT" SMTP_PORT mail
    require_free_tcp "$IMAP_PORT" IMAP_PORT mail
  }
  for name in "${SERVICES[@]}"; do
    running_pid "$name" >/dev/null && continue
    require_free_tcp "$(service_port "$name")" "$(service_port_var "$name")" "$name"
    if [ "$name" = tracker-service ]; then
      require_free_tcp "$TRACKER_PORT" TRACKER_PORT tracker-service
      require_free_udp "$TRACKER_PORT" TRACKER_PORT tracker-service
    fi
  done
}

cmd_up() {
  trap cleanup_on_failure EXIT
  check_ports_free
  command -v curl >/dev/null || apt_install curl # the health checks
  prepare
  build_jars
  start_postgres
  start_redis
  local k=0 m=0
  launch_kafka && k=1
  launch_mail && m=1
  # Wait for both at once, so each reports its own ready time.
  local t=$SECONDS
  while [ "$k" = 1 ] || [ "$m" = 1 ]; do
    if [ "$k" = 1 ] && { kafka_answers || ! running_pid kafka >/dev/null || [ $((SECONDS - t)) -ge "$KAFKA_TIMEOUT" ]; }; then
      await_kafka
      k=0
    fi
    if [ "$m" = 1 ] && { { smtp_greets && imap_greets; } || ! running_pid mail >/dev/null || [ $((SECONDS - t)) -ge 30 ]; }; then
      await_mail
      m=0
    fi
    sleep 0.1
  done
  local launched=() name
  for name in "${SERVICES[@]}"; do
    if launch_service "$name"; then launched+=("$name"); fi
  done
  [ "${#launched[@]}" -eq 0 ] || await_services "${launched[@]}"
  trap - EXIT
  # Only the services this stack runs (STACK_SERVICES), so a deliberately absent one is not "down".
  for name in "${SERVICES[@]}"; do echo "$name 127.0.0.1:$(service_port "$name")"; done |
    write_prometheus_targets "$STACK_DIR/prometheus-targets.json"
  log "stack is up in $(secs "$(elapsed)") s (STACK_DIR=$STACK_DIR)"
}

# Stops the named components: services first (in parallel), then the mail sink, Kafka, and Redis/PostgreSQL (which
# stop_component only stops when this stack started them).
stop_in_order() {
  local name pids=() wanted=" $* "
  for name in "${ALL_SERVICES[@]}"; do
    if [[ "$wanted" == *" $name "* ]] && running_pid "$name" >/dev/null; then
      stop_component "$name" &
      pids+=($!)
    fi
  done
  [ "${#pids[@]}" -eq 0 ] || wait "${pids[@]}" || true
  for name in mail kafka redis postgres; do
    [[ "$wanted" == *" $name "* ]] && stop_component "$name"
  done
  return 0
}

cmd_down() {
  stop_in_order $COMPONENTS_ALL
  log "stack is down"
}

cmd_status() {
  local name pid port state
  printf '%-22s %-10s %-8s %s\n' COMPONENT STATE PID ADDRESS
  if [ -f "$PID_DIR/postgres.owned" ]; then state=started; else state=external; fi
  tcp_open "$DB_HOST" "$DB_PORT" || state=down
  printf '%-22s %-10s %-8s %s\n' postgres "$state" - "$DB_HOST:$DB_PORT (${DB_NAME_PREFIX}_*)"
  if pid="$(running_pid redis)"; then state=running; elif tcp_open "$REDIS_HOST" "$REDIS_PORT"; then state=external pid=-; else state=down pid=-; fi
  printf '%-22s %-10s %-8s %s\n' redis "$state" "$pid" "$REDIS_HOST:$REDIS_PORT db $REDIS_DATABASE"
  if pid="$(running_pid kafka)"; then kafka_answers && state=ready || state=starting; else state=stopped pid=-; fi
  printf '%-22s %-10s %-8s %s\n' kafka "$state" "$pid" "127.0.0.1:$KAFKA_PORT"
  if pid="$(running_pid mail)"; then state=running; else state=stopped pid=-; fi
  printf '%-22s %-10s %-8s %s\n' mail "$state" "$pid" "smtp 127.0.0.1:$SMTP_PORT imap 127.0.0.1:$IMAP_PORT"
  for name in "${ALL_SERVICES[@]}"; do
    port="$(service_port "$name")"
    if pid="$(running_pid "$name")"; then service_healthy "$port" && state=UP || state=starting; else state=stopped pid=-; fi
    printf '%-22s %-10s %-8s %s\n' "$name" "$state" "$pid" "http://127.0.0.1:$port"
  done
  echo "logs: $LOG_DIR"
}

cmd_run() {
  trap 'trap "" INT TERM; echo; log "stopping..."; cmd_down; exit 0' INT TERM
  cmd_up
  cat <<EOF

  AnimeTracker is running: http://localhost:$GATEWAY_PORT
  (up in $(secs "$(elapsed)") s; moderator login: admin, password \$ADMIN_PASSWORD or admin-dev-password)
  mail sink:  SMTP 127.0.0.1:$SMTP_PORT, IMAP 127.0.0.1:$IMAP_PORT (login = recipient address, any password)
  tracker:    http://localhost:$TRACKER_PORT/announce (UDP $TRACKER_PORT)
  Kafka:      127.0.0.1:$KAFKA_PORT    PostgreSQL: $DB_HOST:$DB_PORT    Redis: $REDIS_HOST:$REDIS_PORT
  logs:       $LOG_DIR
  Press Ctrl-C to stop everything this started.

EOF
  while true; do
    sleep 3600 &
    wait $! || true
  done
}

usage() {
  sed -n '2,14p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
  exit 2
}

case "${1:-}" in
  run) cmd_run ;;
  up) cmd_up ;;
  down) cmd_down ;;
  status) cmd_status ;;
  prepare) prepare ;;
  infra-up)
    trap cleanup_on_failure EXIT
    start_postgres
    start_redis
    trap - EXIT
    ;;
  start)
    [ -n "${2:-}" ] || usage
    trap cleanup_on_failure EXIT
    start_component "$2"
    trap - EXIT
    ;;
  stop)
    [ -n "${2:-}" ] || usage
    stop_component "$2"
    ;;
  logs)
    [ -n "${2:-}" ] || usage
    echo "$LOG_DIR/$2.log"
    ;;
  *) usage ;;
esac
