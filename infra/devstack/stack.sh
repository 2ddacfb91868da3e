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
DB_USER="${DB_USER:-postgres}"
DB_PASSWORD="${DB_PASSWORD:-postgres}"
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

# ------------------------------------------------------------------------------------------------------- utilities
log() { printf '[stack %s] %s\n' "$(date +%H:%M:%S)" "$*"; }
err() { printf '[stack %s] ERROR: %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() {
  err "$*"
  exit 1
}
elapsed() { echo "$(( ($(date +%s%N) - ${1:-$START_NS}) / 1000000 ))"; } # ms
secs() { awk -v ms="$1" 'BEGIN { printf "%.1f", ms / 1000 }'; }

find_java() {
  if [ -n "${JAVA_HOME:-}" ] && "$JAVA_HOME/bin/java" -version 2>&1 | grep -q 'version "2[5-9]'; then
    echo "$JAVA_HOME/bin/java"
    return
  fi
  local c
  for c in /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/temurin-25-jdk* /usr/lib/jvm/java-25-openjdk*; do
    if [ -x "$c/bin/java" ]; then
      echo "$c/bin/java"
      return
    fi
  done
  die "JDK 25 not found (looked for \$JAVA_HOME with 25+, /usr/lib/jvm/temurin-25-jdk-amd64, /usr/lib/jvm/java-25-openjdk*)"
}
JAVA="$(find_java)"
export JAVA_HOME="${JAVA%/bin/java}" # for ./mvnw

is_root() { [ "$(id -u)" = 0 ]; }
is_local_host() { case "$1" in 127.0.0.1 | localhost | ::1) return 0 ;; *) return 1 ;; esac; }

apt_install() {
  is_root || die "need to install Debian package(s) $* but not running as root; install them: sudo apt-get install -y $*"
  command -v apt-get >/dev/null || die "need Debian package(s) $* but apt-get is missing"
  log "apt-get install -y $*"
  export DEBIAN_FRONTEND=noninteractive
  if ! apt-get install -y -q "$@" >"$LOG_DIR/apt.log" 2>&1; then
    log "apt-get update (package lists may be stale)"
    apt-get update -q >>"$LOG_DIR/apt.log" 2>&1 || true
    apt-get install -y -q "$@" >>"$LOG_DIR/apt.log" 2>&1 || {
      tail -20 "$LOG_DIR/apt.log" >&2
      die "apt-get install $* failed (log: $LOG_DIR/apt.log)"
    }
  fi
}

# Something accepts TCP connections on host:port?
tcp_open() { timeout 1 bash -c "exec 3<>/dev/tcp/$1/$2" 2>/dev/null; }
udp_bound() { command -v ss >/dev/null && [ -n "$(ss -Hlun "sport = :$1" 2>/dev/null)" ]; }

wait_tcp() { # host port seconds
  local deadline=$((SECONDS + $3))
  until tcp_open "$1" "$2"; do
    [ "$SECONDS" -lt "$deadline" ] || return 1
    sleep 0.2
  done
}

pid_file() { echo "$PID_DIR/$1.pid"; }
# The pid of a running component of this stack, or nothing. Checks the command line so a recycled pid never counts.
running_pid() {
  local f pid
  f="$(pid_file "$1")"
  [ -f "$f" ] || return 1
  pid="$(cat "$f" 2>/dev/null || true)"
  [ -n "$pid" ] && [ -r "/proc/$pid/cmdline" ] || return 1
  # Our JVMs carry $STACK_DIR on the command line; redis-server rewrites its title, so match its name instead.
  local expect="$STACK_DIR"
  [ "$1" = redis ] && expect="redis-server"
  if tr '\0' ' ' <"/proc/$pid/cmdline" | grep -qF -e "$expect"; then
    echo "$pid"
    return 0
  fi
  return 1
}

# Start a detached process (own session: a terminal's Ctrl-C reaches only this script, which stops things in order).
spawn() { # name logfile cmd...
  local name="$1" logfile="$2"
  shift 2
  mkdir -p "$PID_DIR" "$LOG_DIR"
  local pf
  pf="$(pid_file "$name")"
  rm -f "$pf"
  setsid bash -c 'echo $$ > "$0"; exec "$@"' "$pf" "$@" >>"$logfile" 2>&1 </dev/null &
  local i
  for i in $(seq 1 50); do
    [ -s "$pf" ] && return 0
    sleep 0.02
  done
  die "could not start $name"
}

stop_pid() { # name pid grace-seconds
  local name="$1" pid="$2" grace="$3"
  kill -TERM "$pid" 2>/dev/null || return 0
  local deadline=$((SECONDS + grace))
  while kill -0 "$pid" 2>/dev/null; do
    if [ "$SECONDS" -ge "$deadline" ]; then
      err "$name (pid $pid) did not stop within ${grace}s; killing it"
      kill -KILL "$pid" 2>/dev/null || true
      sleep 0.2
      break
    fi
    sleep 0.1
  done
}

# Fail early, naming the port, when something that is not ours listens where a component must listen.
require_free_tcp() { # port variable-name component
  if tcp_open 127.0.0.1 "$1"; then
    die "port $1 ($2, needed by $3) is already in use by another process; stop it or set $2 to a free port"
  fi
}
require_free_udp() {
  if udp_bound "$1"; then
    die "UDP port $1 ($2, needed by $3) is already in use by another process; stop it or set $2 to a free port"
  fi
}

# Components this invocation started: on a failing `up`/`start` they are stopped again.
STARTED_NOW=()
cleanup_on_failure() {
  local rc=$?
  if [ "$rc" -ne 0 ] && [ "${#STARTED_NOW[@]}" -gt 0 ]; then
    err "stopping what this run started: ${STARTED_NOW[*]}"
    stop_in_order "${STARTED_NOW[@]}"
  fi
  exit "$rc"
}

# -------------------------------------------------------------------------------------------- jars from Maven Central
# Collects the jars an infra/<name>/pom.xml lists into var/<name>/lib, once (shared by every STACK_DIR). A stamp with
# the pom's checksum makes a changed pom re-collect. A lock keeps parallel stacks from fetching at the same time.
fetch_lib() { # name libdir
  local name="$1" lib="$2" pom="$ROOT/infra/$1/pom.xml" sum
  sum="$(sha256sum "$pom" | cut -c1-16)"
  [ "$(cat "$lib/.stamp" 2>/dev/null || true)" = "$sum" ] && return 0
  mkdir -p "$ROOT/var"
  (
    flock 9
    [ "$(cat "$lib/.stamp" 2>/dev/null || true)" = "$sum" ] && exit 0
    log "fetching $name jars from Maven Central into ${lib#"$ROOT"/} (once)"
    rm -rf "$lib"
    "$ROOT/mvnw" -B -q -f "$pom" dependency:copy-dependencies -Dlib.dir="$lib" || exit 1
    echo "$sum" >"$lib/.stamp"
  ) 9>"$ROOT/var/.$name.lock" ||
    die "could not collect the $name jars (./mvnw -B -f infra/$name/pom.xml dependency:copy-dependencies)"
}
prepare() {
  fetch_lib kafka "$KAFKA_LIB"
  fetch_lib greenmail "$GREENMAIL_LIB"
}

# -------------------------------------------------------------------------------------------------------- PostgreSQL
start_postgres() {
  mkdir -p "$PID_DIR" "$LOG_DIR"
  if tcp_open "$DB_HOST" "$DB_PORT"; then
    log "PostgreSQL: using the server at $DB_HOST:$DB_PORT"
  else
    is_local_host "$DB_HOST" || die "PostgreSQL at $DB_HOST:$DB_PORT is not reachable (a remote DB_HOST is never started here)"
    if ! command -v pg_ctlcluster >/dev/null || [ -z "$(ls /etc/postgresql 2>/dev/null)" ]; then
      apt_install postgresql
    fi
    if ! tcp_open "$DB_HOST" "$DB_PORT"; then # the package's post-install may have started it already
      local version
      version="$(ls /etc/postgresql | sort -V | tail -1)"
      log "PostgreSQL: starting the Debian cluster $version/main"
      pg_ctlcluster --skip-systemctl-redirect "$version" main start >>"$LOG_DIR/postgres.log" 2>&1 ||
        die "pg_ctlcluster $version main start failed (see $LOG_DIR/postgres.log and /var/log/postgresql/)"
      echo "$version" >"$PID_DIR/postgres.owned"
      STARTED_NOW+=(postgres)
    fi
    wait_tcp "$DB_HOST" "$DB_PORT" 30 ||
      die "PostgreSQL did not answer on $DB_HOST:$DB_PORT (is the Debian cluster configured for port $DB_PORT?)"
  fi
  create_databases
}

create_databases() {
  command -v psql >/dev/null || apt_install postgresql-client
  local i
  for i in $(seq 1 30); do # a cluster that just started may still be recovering
    if PGHOST="$DB_HOST" PGPORT="$DB_PORT" PGUSER="$DB_USER" PGPASSWORD="$DB_PASSWORD" PGCONNECT_TIMEOUT=3 \
      DB_NAME_PREFIX="$DB_NAME_PREFIX" sh "$ROOT/infra/postgres/create-databases.sh" >>"$LOG_DIR/postgres.log" 2>&1; then
      return 0
    fi
    sleep 0.5
  done
  tail -5 "$LOG_DIR/postgres.log" >&2
  die "could not create the ${DB_NAME_PREFIX}_* databases on $DB_HOST:$DB_PORT as $DB_USER"
}

stop_postgres() {
  if [ -f "$PID_DIR/postgres.owned" ]; then
    local version
    version="$(cat "$PID_DIR/postgres.owned")"
    log "PostgreSQL: stopping the cluster $version/main (this stack started it)"
    pg_ctlcluster --skip-systemctl-redirect "$version" main stop >>"$LOG_DIR/postgres.log" 2>&1 || true
    rm -f "$PID_DIR/postgres.owned"
  fi
}

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
kafka_answers() {
  local reply
  reply="$(timeout 3 bash -c '
    exec 3<>/dev/tcp/127.0.0.1/'"$KAFKA_PORT"' || exit 1
    printf "\x00\x00\x00\x0c\x00\x12\x00\x00\x00\x00\x00\x2a\x00\x02sh" >&3
    head -c 10 <&3 | od -An -tx1' 2>/dev/null | tr -d ' \n')" || return 1
  [ "${reply:8:12}" = "0000002a0000" ]
}

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

# ------------------------------------------------------------------------------------------------ mail (GreenMail)
launch_mail() {
  fetch_lib greenmail "$GREENMAIL_LIB"
  if running_pid mail >/dev/null; then
    log "Mail sink: already running (SMTP $SMTP_PORT, IMAP $IMAP_PORT)"
    return 1
  fi
  require_free_tcp "$SMTP_PORT" SMTP_PORT mail
  require_free_tcp "$IMAP_PORT" IMAP_PORT mail
  mkdir -p "$LOG_DIR"
  local jar
  jar="$(ls "$GREENMAIL_LIB"/greenmail-standalone-*.jar | head -1)"
  log "Mail sink: starting GreenMail (SMTP 127.0.0.1:$SMTP_PORT, IMAP 127.0.0.1:$IMAP_PORT, any login)"
  # No greenmail.api.* properties: the REST API (default port 8080, the gateway's) stays off.
  spawn mail "$LOG_DIR/mail.log" "$JAVA" -Xmx128m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC "$MARK" \
    -Dgreenmail.smtp.hostname=127.0.0.1 -Dgreenmail.smtp.port="$SMTP_PORT" \
    -Dgreenmail.imap.hostname=127.0.0.1 -Dgreenmail.imap.port="$IMAP_PORT" \
    -Dgreenmail.auth.disabled -jar "$jar"
  STARTED_NOW+=(mail)
  MAIL_LAUNCHED_NS="$(date +%s%N)"
}

# Real protocol exchanges (greeting + QUIT/LOGOUT): a bare connect-and-close makes GreenMail's IMAP handler spin.
smtp_greets() {
  timeout 3 bash -c 'exec 3<>/dev/tcp/127.0.0.1/'"$SMTP_PORT"' || exit 1
    IFS= read -r line <&3 || exit 1
    printf "QUIT\r\n" >&3; cat <&3 >/dev/null; [ "${line:0:3}" = 220 ]' 2>/dev/null
}
imap_greets() {
  timeout 3 bash -c 'exec 3<>/dev/tcp/127.0.0.1/'"$IMAP_PORT"' || exit 1
    IFS= read -r line <&3 || exit 1
    printf "a1 LOGOUT\r\n" >&3; cat <&3 >/dev/null; [ "${line:0:4}" = "* OK" ]' 2>/dev/null
}

await_mail() {
  local deadline=$((SECONDS + 30))
  until smtp_greets && imap_greets; do
    running_pid mail >/dev/null || {
      tail -30 "$LOG_DIR/mail.log" >&2
      die "GreenMail exited during start-up (log: $LOG_DIR/mail.log)"
    }
    [ "$SECONDS" -lt "$deadline" ] || die "GreenMail did not open SMTP $SMTP_PORT / IMAP $IMAP_PORT within 30s"
    sleep 0.1
  done
  [ -n "${MAIL_LAUNCHED_NS:-}" ] && log "Mail sink: ready in $(secs "$(elapsed "$MAIL_LAUNCHED_NS")") s"
  return 0
}
start_mail() { if launch_mail; then await_mail; fi; }

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
service_db() {
  case "$1" in
    user-service) echo "${DB_NAME_PREFIX}_users" ;;
    torrent-service) echo "${DB_NAME_PREFIX}_torrents" ;;
    search-service) echo "${DB_NAME_PREFIX}_search" ;;
    notification-service) echo "${DB_NAME_PREFIX}_notifications" ;;
  esac
}
service_jar() { echo "$ROOT/$1/target/$1-0.1.0-SNAPSHOT.jar"; }
is_service() { service_port "$1" >/dev/null 2>&1; }

build_jars() {
  if [ "${SKIP_BUILD:-0}" = 1 ]; then
    log "SKIP_BUILD=1: using the jars in <module>/target"
    return 0
  fi
  local modules
  modules="$(
    IFS=,
    echo "${SERVICES[*]}"
  )"
  log "building the service jars: ./mvnw -B -q -DskipTests package -pl $modules -am"
  local t0
  t0="$(date +%s%N)"
  (cd "$ROOT" && ./mvnw -B -q -DskipTests -Dspotless.check.skip=true -Dcheckstyle.skip=true package -pl "$modules" -am) ||
    die "the build failed (run ./mvnw -B -DskipTests package to see why)"
  log "build done in $(secs "$(elapsed "$t0")") s"
}

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

service_healthy() {
  curl -fsS -m 2 "http://127.0.0.1:$1/actuator/health" 2>/dev/null | grep -q '"status":"UP"'
}

await_services() { # names...
  local t0 deadline pending name port
  t0="$(date +%s%N)"
  deadline=$((SECONDS + HEALTH_TIMEOUT))
  pending=("$@")
  while [ "${#pending[@]}" -gt 0 ]; do
    local still=()
    for name in "${pending[@]}"; do
      port="$(service_port "$name")"
      if service_healthy "$port"; then
        log "$name: UP on port $port after $(secs "$(elapsed "$t0")") s"
      elif ! running_pid "$name" >/dev/null; then
        err "$name exited during start-up; last lines of $LOG_DIR/$name.log:"
        tail -40 "$LOG_DIR/$name.log" >&2
        die "$name did not start"
      elif [ "$SECONDS" -ge "$deadline" ]; then
        err "$name is not healthy on http://127.0.0.1:$port/actuator/health after ${HEALTH_TIMEOUT}s; last lines of its log:"
        tail -40 "$LOG_DIR/$name.log" >&2
        die "$name did not become healthy"
      else
        still+=("$name")
      fi
    done
    pending=("${still[@]+"${still[@]}"}")
    [ "${#pending[@]}" -eq 0 ] || sleep 0.5
  done
}

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
