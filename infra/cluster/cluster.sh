#!/usr/bin/env bash
# AnimeTracker scaled out on one machine, without containers: two instances of every service behind HAProxy, two
# tracker processes sharing 6969/udp+tcp (SO_REUSEPORT), three KRaft Kafka brokers, a Redis Cluster of three
# masters and three replicas, one GreenMail sink, and the machine's PostgreSQL. Used by `make cluster` and by the
# fault system tests. Same jars and configuration names as production (docs/conventions.md).
#
#   cluster.sh up        build missing or stale jars, start everything, wait until all is healthy, print the elapsed time
#   cluster.sh down      stop everything in reverse order (data under $CLUSTER_DIR is kept for the next up)
#   cluster.sh status    every process: name, pid, ports, health
#   cluster.sh pids      name and pid of every running process (for scripts)
#
# Pid files: $CLUSTER_DIR/pids/<name>.pid, names gateway-1, gateway-2, user-service-1, ..., tracker-service-2,
# kafka-1..3, redis-7001..7006, haproxy-1, mail-1. Port layout and rationale: docs/scaling.md.
set -Eeuo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
START_NS="$(date +%s%N)"
LOG_TAG=cluster

# ---------------------------------------------------------------------------------------------------------- config
CLUSTER_DIR="${CLUSTER_DIR:-$ROOT/var/cluster}"
mkdir -p "$CLUSTER_DIR"
CLUSTER_DIR="$(cd "$CLUSTER_DIR" && pwd)"
STACK_DIR="$CLUSTER_DIR" # common.sh's name for it
PID_DIR="$CLUSTER_DIR/pids"
LOG_DIR="$CLUSTER_DIR/logs"
mkdir -p "$PID_DIR" "$LOG_DIR"

BIND="${CLUSTER_BIND_ADDRESS:-127.0.0.1}"
INSTANCES=2
# HAProxy frontends: the single-instance ports every client and every *_SERVICE_URL already uses.
GATEWAY_PORT=8080
HAPROXY_STATS_PORT="${HAPROXY_STATS_PORT:-8404}"
TRACKER_PORT="${TRACKER_PORT:-6969}"
KAFKA_PORTS=(9092 9094 9096)
KAFKA_CONTROLLER_PORTS=(9093 9095 9097)
REDIS_PORTS=(7001 7002 7003 7004 7005 7006)
SMTP_PORT="${SMTP_PORT:-3025}"
IMAP_PORT="${IMAP_PORT:-3143}"
DB_HOST="${DB_HOST:-127.0.0.1}"
DB_PORT="${DB_PORT:-5432}"
DB_NAME_PREFIX="${DB_NAME_PREFIX:-animetracker}"
PUBLIC_BASE_URL="${PUBLIC_BASE_URL:-http://localhost:$GATEWAY_PORT}"
SPRING_PROFILES_ACTIVE="${SPRING_PROFILES_ACTIVE:-dev}"
HEALTH_TIMEOUT="${HEALTH_TIMEOUT:-420}"
KAFKA_TIMEOUT="${KAFKA_TIMEOUT:-120}"
# The devstack's JVM options (infra/devstack/stack.sh), so per-instance memory compares with `make run`.
SERVICE_JAVA_OPTS="${SERVICE_JAVA_OPTS:--XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmx256m -Xss512k}"
TRACKER_JAVA_OPTS="${TRACKER_JAVA_OPTS:--XX:+UseParallelGC -Xms256m -Xmx512m -Xss512k}"
KAFKA_JAVA_OPTS="${KAFKA_JAVA_OPTS:--Xmx512m}"
# Shared by both trackers: a BEP 15 connection id issued by one is accepted by the other. Generated once, kept.
TRACKER_SECRET_FILE="$CLUSTER_DIR/tracker-connection-secret"

ALL_SERVICES=(user-service notification-service torrent-service search-service tracker-service gateway)
SERVICES=("${ALL_SERVICES[@]}") # build_jars builds these
KAFKA_LIB="$ROOT/var/kafka/lib"
GREENMAIL_LIB="$ROOT/var/greenmail/lib"
MARK="-Danimetracker.cluster=$CLUSTER_DIR" # identifies our JVMs (pid reuse guard)
MAIL_ID=mail-1

# shellcheck source=../lib/common.sh
source "$ROOT/infra/lib/common.sh"
db_credentials
JAVA="$(find_java)"
export JAVA_HOME="${JAVA%/bin/java}" # for ./mvnw

# The port each service answers on behind HAProxy (its *_SERVICE_URL), and instance n's own port: 18xxx for
# instance 1, 181xx for instance 2 (gateway 18080/18180, user-service 18081/18181, ..., tracker management 18084/18184).
frontend_port() {
  case "$1" in
    gateway) echo 8080 ;; user-service) echo 8081 ;; torrent-service) echo 8082 ;; search-service) echo 8083 ;;
    tracker-service) echo 8084 ;; notification-service) echo 8085 ;;
    *) return 1 ;;
  esac
}
instance_port() { echo $(($(frontend_port "$1") + 10000 + 100 * ($2 - 1))); }
# Readiness where the service has Boot's probe groups on (a Redis or database blip then does not take every
# instance out of rotation at once), else the health endpoint.
health_path() {
  if grep -q 'probes:' "$ROOT/$1/src/main/resources/application.yml" 2>/dev/null; then
    echo /actuator/health/readiness
  else
    echo /actuator/health
  fi
}
kafka_bootstrap() {
  local p out=()
  for p in "${KAFKA_PORTS[@]}"; do out+=("127.0.0.1:$p"); done
  (
    IFS=,
    echo "${out[*]}"
  )
}
redis_nodes() {
  local p out=()
  for p in "${REDIS_PORTS[@]}"; do out+=("127.0.0.1:$p"); done
  (
    IFS=,
    echo "${out[*]}"
  )
}

# ------------------------------------------------------------------------------------------------ Redis Cluster
redis_ping() { [ "$(redis-cli -h 127.0.0.1 -p "$1" ping 2>/dev/null)" = PONG ]; }
redis_cluster_state() { redis-cli -h 127.0.0.1 -p "$1" cluster info 2>/dev/null | sed -n 's/^cluster_state:\([a-z]*\).*/\1/p'; }

start_redis_cluster() {
  command -v redis-server >/dev/null && command -v redis-cli >/dev/null || apt_install redis-server redis-tools
  local port dir
  for port in "${REDIS_PORTS[@]}"; do
    running_pid "redis-$port" >/dev/null && continue
    require_free_tcp "$port" "redis port" "redis-$port"
    dir="$CLUSTER_DIR/redis/$port"
    mkdir -p "$dir"
    # cluster-node-timeout 2 s: a killed master's replica is promoted within ~3 s (the fault budget is 5 s).
    spawn "redis-$port" "$LOG_DIR/redis-$port.log" redis-server --bind 127.0.0.1 --port "$port" --dir "$dir" \
      --cluster-enabled yes --cluster-config-file nodes.conf --cluster-node-timeout 2000 \
      --cluster-replica-validity-factor 0 --appendonly yes --save 60 1 --daemonize no
    STARTED_NOW+=("redis-$port")
  done
  for port in "${REDIS_PORTS[@]}"; do
    local deadline=$((SECONDS + 20))
    until redis_ping "$port"; do
      [ "$SECONDS" -lt "$deadline" ] || die "redis-server on $port did not answer PING (log: $LOG_DIR/redis-$port.log)"
      sleep 0.1
    done
  done
  # nodes.conf survives restarts: a cluster created once re-forms by itself. Only fresh nodes need `--cluster create`.
  local known
  known="$(redis-cli -p "${REDIS_PORTS[0]}" cluster info | sed -n 's/^cluster_known_nodes:\([0-9]*\).*/\1/p')"
  if [ "$known" = 1 ]; then
    log "Redis Cluster: creating 3 masters + 3 replicas on ports ${REDIS_PORTS[*]}"
    local hosts=()
    for port in "${REDIS_PORTS[@]}"; do hosts+=("127.0.0.1:$port"); done
    redis-cli --cluster create "${hosts[@]}" --cluster-replicas 1 --cluster-yes >>"$LOG_DIR/redis-cluster.log" 2>&1 ||
      die "redis-cli --cluster create failed (log: $LOG_DIR/redis-cluster.log)"
  fi
  local deadline=$((SECONDS + 30))
  until [ "$(redis_cluster_state "${REDIS_PORTS[0]}")" = ok ]; do
    [ "$SECONDS" -lt "$deadline" ] || die "Redis Cluster did not reach cluster_state:ok (redis-cli -p ${REDIS_PORTS[0]} cluster info)"
    sleep 0.2
  done
  log "Redis Cluster: cluster_state ok ($(redis_nodes))"
}

# ------------------------------------------------------------------------------------------------------------ Kafka
kafka_voters() {
  local i out=()
  for i in 1 2 3; do out+=("$i@127.0.0.1:${KAFKA_CONTROLLER_PORTS[$((i - 1))]}"); done
  (
    IFS=,
    echo "${out[*]}"
  )
}

# Writes broker n's server.properties from the single-node template (infra/kafka/server.properties), changing the
# node id, ports, quorum and replication settings: one place keeps the common broker tuning.
kafka_config() { # n dir
  local n="$1" dir="$2" port="${KAFKA_PORTS[$(($1 - 1))]}" cport="${KAFKA_CONTROLLER_PORTS[$(($1 - 1))]}"
  sed -e "s#@KAFKA_PORT@#$port#g" -e "s#@KAFKA_CONTROLLER_PORT@#$cport#g" -e "s#@DATA_DIR@#$dir/data#g" \
    -e "s#^node.id=.*#node.id=$n#" -e "s#^controller.quorum.voters=.*#controller.quorum.voters=$(kafka_voters)#" \
    -e '/replication.factor=/d' -e '/min.isr=/d' -e '/^min.insync.replicas=/d' -e '/^# One node:/d' \
    "$ROOT/infra/kafka/server.properties" >"$dir/server.properties"
  cat >>"$dir/server.properties" <<'EOF'

# Three brokers (infra/cluster/cluster.sh): every topic on all three, a write acknowledged by two (acks=all), so
# one broker down loses nothing and blocks nothing.
default.replication.factor=3
min.insync.replicas=2
offsets.topic.replication.factor=3
transaction.state.log.replication.factor=3
transaction.state.log.min.isr=2
share.coordinator.state.topic.replication.factor=3
share.coordinator.state.topic.min.isr=2
# A killed broker's partitions move to the others within the fault budget.
unclean.leader.election.enable=false
EOF
}

launch_kafka_brokers() {
  fetch_lib kafka "$KAFKA_LIB"
  local tools=(-Dlog4j2.configurationFile="$ROOT/infra/kafka/log4j2-tools.properties" -cp "$KAFKA_LIB/*")
  local id_file="$CLUSTER_DIR/kafka/cluster-id" cluster_id n dir
  mkdir -p "$CLUSTER_DIR/kafka"
  [ -s "$id_file" ] || "$JAVA" "${tools[@]}" kafka.tools.StorageTool random-uuid >"$id_file"
  cluster_id="$(cat "$id_file")"
  KAFKA_LAUNCHED_NS="$(date +%s%N)"
  for n in 1 2 3; do
    running_pid "kafka-$n" >/dev/null && continue
    require_free_tcp "${KAFKA_PORTS[$((n - 1))]}" "kafka port" "kafka-$n"
    require_free_tcp "${KAFKA_CONTROLLER_PORTS[$((n - 1))]}" "kafka controller port" "kafka-$n"
    dir="$CLUSTER_DIR/kafka/$n"
    mkdir -p "$dir/data"
    kafka_config "$n" "$dir"
    if [ ! -f "$dir/data/meta.properties" ]; then
      log "Kafka: formatting broker $n's storage (cluster id $cluster_id)"
      "$JAVA" "${tools[@]}" kafka.tools.StorageTool format -t "$cluster_id" -c "$dir/server.properties" \
        >>"$LOG_DIR/kafka-$n.log" 2>&1 || die "Kafka storage format failed (log: $LOG_DIR/kafka-$n.log)"
    fi
    log "Kafka: starting broker $n on 127.0.0.1:${KAFKA_PORTS[$((n - 1))]} (controller ${KAFKA_CONTROLLER_PORTS[$((n - 1))]})"
    # shellcheck disable=SC2086
    spawn "kafka-$n" "$LOG_DIR/kafka-$n.log" "$JAVA" $KAFKA_JAVA_OPTS "$MARK" \
      -Dlog4j2.configurationFile="$ROOT/infra/kafka/log4j2.properties" \
      -cp "$KAFKA_LIB/*" kafka.Kafka "$dir/server.properties"
    STARTED_NOW+=("kafka-$n")
  done
}

await_kafka_brokers() {
  local deadline=$((SECONDS + KAFKA_TIMEOUT)) n pending=(1 2 3)
  while [ "${#pending[@]}" -gt 0 ]; do
    local still=()
    for n in "${pending[@]}"; do
      if kafka_answers "${KAFKA_PORTS[$((n - 1))]}"; then
        continue
      elif ! running_pid "kafka-$n" >/dev/null; then
        tail -30 "$LOG_DIR/kafka-$n.log" >&2
        die "Kafka broker $n exited during start-up (log: $LOG_DIR/kafka-$n.log)"
      elif [ "$SECONDS" -ge "$deadline" ]; then
        tail -30 "$LOG_DIR/kafka-$n.log" >&2
        die "Kafka broker $n did not become ready within ${KAFKA_TIMEOUT}s (log: $LOG_DIR/kafka-$n.log)"
      fi
      still+=("$n")
    done
    pending=("${still[@]+"${still[@]}"}")
    [ "${#pending[@]}" -eq 0 ] || sleep 0.2
  done
  log "Kafka: three brokers ready in $(secs "$(elapsed "$KAFKA_LAUNCHED_NS")") s ($(kafka_bootstrap))"
}

# ---------------------------------------------------------------------------------------------------------- HAProxy
write_haproxy_config() {
  local cfg="$CLUSTER_DIR/haproxy.cfg" name n
  {
    cat <<EOF
# Generated by infra/cluster/cluster.sh on every up; edit the script, not this file.
global
  maxconn 4096
  stats socket $CLUSTER_DIR/haproxy.sock mode 600 level admin
  log stdout format raw local0 notice

defaults
  mode http
  log global
  option httplog
  option dontlognull
  timeout connect 1s
  timeout client 60s
  timeout server 60s
  timeout http-request 10s
  timeout queue 5s
  # A refused connection (a killed instance) is retried on the other instance. Only connection failures are retried:
  # a request that reached a dying instance may have been applied (an upload, a comment), so it is never replayed.
  option redispatch 1
  retries 3
  retry-on conn-failure
  # inter 500 ms, fall 2: a killed instance (connection refused) leaves rotation within ~1 s even with no traffic;
  # rise 2 brings it back. A check may take 2 s before it counts as failed: on a loaded machine a live instance can
  # be slow to answer, and marking it down would only move its load onto the other one. In-flight requests of a
  # server marked down are left to finish.
  timeout check 2s
  default-server inter 500ms fastinter 250ms downinter 1s fall 2 rise 2

listen stats
  bind 127.0.0.1:$HAPROXY_STATS_PORT
  stats enable
  stats uri /stats
  stats refresh 2s

EOF
    for name in "${ALL_SERVICES[@]}"; do
      local bind="127.0.0.1"
      [ "$name" = gateway ] && bind="$BIND"
      cat <<EOF
frontend $name
  bind $bind:$(frontend_port "$name")
  option forwardfor
  default_backend $name

backend $name
  balance roundrobin
  option httpchk GET $(health_path "$name")
  http-check expect status 200
EOF
      for n in $(seq 1 "$INSTANCES"); do
        echo "  server $name-$n 127.0.0.1:$(instance_port "$name" "$n") check"
      done
      echo
    done
  } >"$cfg"
  haproxy -c -q -f "$cfg" >>"$LOG_DIR/haproxy-1.log" 2>&1 || die "invalid HAProxy configuration $cfg (log: $LOG_DIR/haproxy-1.log)"
}

start_haproxy() {
  command -v haproxy >/dev/null || apt_install haproxy
  write_haproxy_config
  if running_pid haproxy-1 >/dev/null; then
    log "HAProxy: already running; reloading the configuration"
    kill -USR2 "$(running_pid haproxy-1)" 2>/dev/null || true
    return 0
  fi
  local name
  for name in "${ALL_SERVICES[@]}"; do require_free_tcp "$(frontend_port "$name")" "frontend port" haproxy-1; done
  require_free_tcp "$HAPROXY_STATS_PORT" HAPROXY_STATS_PORT haproxy-1
  log "HAProxy: frontends 8080-8085 -> two instances each, stats http://127.0.0.1:$HAPROXY_STATS_PORT/stats"
  # -W master-worker, -db foreground: the pid file holds the master, which stops the worker on TERM.
  spawn haproxy-1 "$LOG_DIR/haproxy-1.log" haproxy -W -db -f "$CLUSTER_DIR/haproxy.cfg"
  STARTED_NOW+=(haproxy-1)
  wait_tcp 127.0.0.1 "$HAPROXY_STATS_PORT" 10 || die "HAProxy did not start (log: $LOG_DIR/haproxy-1.log)"
}

# HAProxy's view of one server: UP, DOWN, MAINT, ... (from the stats CSV: column 18 is status).
haproxy_server_state() { # backend server
  curl -fsS -m 2 "http://127.0.0.1:$HAPROXY_STATS_PORT/stats;csv" 2>/dev/null |
    awk -F, -v b="$1" -v s="$2" '$1 == b && $2 == s { print $18 }'
}

# --------------------------------------------------------------------------------------------------------- services
tracker_secret() {
  if [ ! -s "$TRACKER_SECRET_FILE" ]; then
    (
      umask 077
      od -An -tx1 -N32 /dev/urandom | tr -d ' \n' >"$TRACKER_SECRET_FILE"
    )
  fi
  cat "$TRACKER_SECRET_FILE"
}

launch_instance() { # service n
  local name="$1" n="$2" id="$1-$2" port jar db
  port="$(instance_port "$name" "$n")"
  if running_pid "$id" >/dev/null; then
    log "$id: already running on port $port"
    return 1
  fi
  jar="$(service_jar "$name")"
  [ -f "$jar" ] || die "$name: $jar is missing"
  require_free_tcp "$port" "instance port" "$id"
  db="$(service_db "$name")"
  local front=http://127.0.0.1
  local env=(
    SPRING_PROFILES_ACTIVE="$SPRING_PROFILES_ACTIVE" SERVER_PORT="$port" SERVER_ADDRESS=127.0.0.1
    ${db:+DB_NAME="$db"} DB_HOST="$DB_HOST" DB_PORT="$DB_PORT" DB_USER="$DB_USER" DB_PASSWORD="$DB_PASSWORD"
    SPRING_DATA_REDIS_CLUSTER_NODES="$(redis_nodes)" REDIS_HOST=127.0.0.1 REDIS_PORT="${REDIS_PORTS[0]}" REDIS_DATABASE=0
    KAFKA_BOOTSTRAP_SERVERS="$(kafka_bootstrap)" KAFKA_REPLICATION_FACTOR=3 KAFKA_MIN_INSYNC_REPLICAS=2
    # common's topic declaration (animetracker.kafka.replicas) until KAFKA_REPLICATION_FACTOR reaches it.
    ANIMETRACKER_KAFKA_REPLICAS=3
    SMTP_HOST=127.0.0.1 SMTP_PORT="$SMTP_PORT" PUBLIC_BASE_URL="$PUBLIC_BASE_URL"
    TRACKER_PORT="$TRACKER_PORT" TRACKER_BIND_ADDRESS="$BIND" TRACKER_CONNECTION_SECRET="$(tracker_secret)"
    TORRENT_LEGACY_STORAGE_DIR="$CLUSTER_DIR/storage"
    TRACKER_ANNOUNCE_URLS="${TRACKER_ANNOUNCE_URLS:-http://localhost:$TRACKER_PORT/announce,udp://localhost:$TRACKER_PORT/announce}"
    TRUSTED_PROXIES=127.0.0.1
    USER_SERVICE_URL="$front:8081" TORRENT_SERVICE_URL="$front:8082" SEARCH_SERVICE_URL="$front:8083"
    TRACKER_SERVICE_URL="$front:8084" NOTIFICATION_SERVICE_URL="$front:8085"
    JWKS_URI="$front:8081/.well-known/jwks.json"
  )
  echo "----- $(date '+%F %T') starting $id on port $port" >>"$LOG_DIR/$id.log"
  local java_opts="$SERVICE_JAVA_OPTS"
  [ "$name" = tracker-service ] && java_opts="$TRACKER_JAVA_OPTS"
  # shellcheck disable=SC2086
  spawn "$id" "$LOG_DIR/$id.log" env -u DB_NAME "${env[@]}" "$JAVA" $java_opts "$MARK" -jar "$jar"
  STARTED_NOW+=("$id")
}

instance_healthy() { # service n
  curl -fsS -m 2 "http://127.0.0.1:$(instance_port "$1" "$2")$(health_path "$1")" 2>/dev/null | grep -q '"status":"UP"'
}

id_healthy() { instance_healthy "${1%-*}" "${1##*-}"; } # service-n
id_port() { instance_port "${1%-*}" "${1##*-}"; }
await_instances() { await_healthy id_healthy id_port "$@"; } # ids (service-n)...

# Every instance is in HAProxy's rotation (its health check passed rise times).
await_haproxy_rotation() {
  local deadline=$((SECONDS + 30)) name n
  for name in "${ALL_SERVICES[@]}"; do
    for n in $(seq 1 "$INSTANCES"); do
      until [ "$(haproxy_server_state "$name" "$name-$n")" = UP ]; do
        [ "$SECONDS" -lt "$deadline" ] || die "HAProxy does not see $name-$n as UP (http://127.0.0.1:$HAPROXY_STATS_PORT/stats)"
        sleep 0.2
      done
    done
  done
}

# ----------------------------------------------------------------------------------------------------- processes
# Every process in start order; down stops them in reverse.
all_ids() {
  local p n name
  for p in "${REDIS_PORTS[@]}"; do echo "redis-$p"; done
  for n in 1 2 3; do echo "kafka-$n"; done
  echo mail-1
  echo haproxy-1
  for name in "${ALL_SERVICES[@]}"; do
    for n in $(seq 1 "$INSTANCES"); do echo "$name-$n"; done
  done
}

# The layer a process belongs to: processes of one layer stop together. Kafka brokers in parallel, because the last
# of three stopped one by one has lost its controller quorum and waits out its controlled shutdown.
layer_of() {
  case "$1" in
    *-service-* | gateway-*) echo services ;;
    kafka-*) echo kafka ;;
    redis-*) echo redis ;;
    *) echo "$1" ;;
  esac
}

stop_ids() { # ids... (layers in the given order)
  local id pid pids=() layer="" grace
  for id in "$@"; do
    if [ "$(layer_of "$id")" != "$layer" ]; then
      [ "${#pids[@]}" -eq 0 ] || wait "${pids[@]}" || true
      pids=()
      layer="$(layer_of "$id")"
    fi
    pid="$(running_pid "$id")" || {
      rm -f "$(pid_file "$id")"
      continue
    }
    log "stopping $id (pid $pid)"
    grace=40
    case "$id" in kafka-*) grace=60 ;; redis-*) grace=20 ;; esac
    (
      stop_pid "$id" "$pid" "$grace"
      rm -f "$(pid_file "$id")"
    ) &
    pids+=($!)
  done
  [ "${#pids[@]}" -eq 0 ] || wait "${pids[@]}" || true
}

STARTED_NOW=()
cleanup_on_failure() {
  local rc=$?
  if [ "$rc" -ne 0 ] && [ "${#STARTED_NOW[@]}" -gt 0 ]; then
    err "stopping what this run started"
    local rev=() i
    for ((i = ${#STARTED_NOW[@]} - 1; i >= 0; i--)); do rev+=("${STARTED_NOW[$i]}"); done
    stop_ids "${rev[@]}"
  fi
  exit "$rc"
}

# -------------------------------------------------------------------------------------------------------- commands
# A jar is rebuilt when missing or older than its module's or common's sources (a merged branch, an edit), so the
# cluster never runs yesterday's code; SKIP_BUILD=1 uses whatever is in <module>/target.
jar_stale() { # service
  local jar
  jar="$(service_jar "$1")"
  [ -f "$jar" ] || return 0
  [ -n "$(find "$ROOT/$1/src/main" "$ROOT/$1/pom.xml" "$ROOT/common/src/main" "$ROOT/common/pom.xml" "$ROOT/pom.xml" \
    -newer "$jar" -type f -print -quit 2>/dev/null)" ]
}
build_stale_jars() {
  local name stale=()
  if [ "${SKIP_BUILD:-0}" != 1 ]; then
    for name in "${ALL_SERVICES[@]}"; do jar_stale "$name" && stale+=("$name"); done
  fi
  if [ "${#stale[@]}" -gt 0 ]; then
    SERVICES=("${stale[@]}")
    build_jars
  else
    log "using the jars in <module>/target (up to date with the sources)"
  fi
}

cmd_up() {
  trap cleanup_on_failure EXIT
  command -v curl >/dev/null || apt_install curl
  prepare
  build_stale_jars
  start_postgres
  start_redis_cluster
  launch_kafka_brokers
  start_mail
  await_kafka_brokers
  start_haproxy
  local launched=() name n
  for name in "${ALL_SERVICES[@]}"; do
    for n in $(seq 1 "$INSTANCES"); do
      if launch_instance "$name" "$n"; then launched+=("$name-$n"); fi
    done
  done
  [ "${#launched[@]}" -eq 0 ] || await_instances "${launched[@]}"
  await_haproxy_rotation
  for name in "${ALL_SERVICES[@]}"; do
    for n in $(seq 1 "$INSTANCES"); do echo "$name 127.0.0.1:$(instance_port "$name" "$n")"; done
  done | write_prometheus_targets "$CLUSTER_DIR/prometheus-targets.json"
  trap - EXIT
  log "cluster is up in $(secs "$(elapsed)") s: http://localhost:$GATEWAY_PORT (tracker $TRACKER_PORT udp+tcp; CLUSTER_DIR=$CLUSTER_DIR)"
}

cmd_down() {
  local ids=() i
  mapfile -t ids < <(all_ids)
  local rev=()
  for ((i = ${#ids[@]} - 1; i >= 0; i--)); do rev+=("${ids[$i]}"); done
  stop_ids "${rev[@]}"
  log "cluster is down (data kept in $CLUSTER_DIR)"
}

rss_mb() { awk '/^VmRSS:/ { printf "%d", $2 / 1024 }' "/proc/$1/status" 2>/dev/null || echo -; }

cmd_status() {
  local id pid ports health name n total=0 rss
  printf '%-24s %-8s %-7s %-34s %s\n' PROCESS PID RSS_MB PORTS HEALTH
  while read -r id; do
    health=- rss=-
    case "$id" in
      redis-*)
        ports="${id#redis-}/tcp bus $((${id#redis-} + 10000))"
        if redis_ping "${id#redis-}"; then
          health="PONG $(redis-cli -p "${id#redis-}" role 2>/dev/null | head -1) cluster_state:$(redis_cluster_state "${id#redis-}")"
        else health=down; fi
        ;;
      kafka-*)
        n="${id#kafka-}"
        ports="${KAFKA_PORTS[$((n - 1))]} controller ${KAFKA_CONTROLLER_PORTS[$((n - 1))]}"
        if kafka_answers "${KAFKA_PORTS[$((n - 1))]}"; then health="broker answers"; else health=down; fi
        ;;
      mail-1)
        ports="smtp $SMTP_PORT imap $IMAP_PORT"
        if smtp_greets; then health="smtp greets"; else health=down; fi
        ;;
      haproxy-1)
        ports="8080-8085 stats $HAPROXY_STATS_PORT"
        local up all
        all="$(curl -fsS -m 2 "http://127.0.0.1:$HAPROXY_STATS_PORT/stats;csv" 2>/dev/null | awk -F, '$2 != "FRONTEND" && $2 != "BACKEND" && $1 != "stats" && $1 !~ /^#/' || true)"
        if [ -n "$all" ]; then
          up="$(awk -F, '$18 == "UP"' <<<"$all" | wc -l)"
          health="stats: $up/$(wc -l <<<"$all") servers UP$(awk -F, '$18 != "UP" { printf " %s:%s", $2, $18 }' <<<"$all")"
        else health=down; fi
        ;;
      *)
        name="${id%-*}" n="${id##*-}"
        ports="$(instance_port "$name" "$n")"
        [ "$name" = tracker-service ] && ports="$ports announce $TRACKER_PORT/udp+tcp"
        if instance_healthy "$name" "$n"; then health=UP; else health=down; fi
        ;;
    esac
    if pid="$(running_pid "$id")"; then
      rss="$(rss_mb "$pid")"
      [ "$id" = haproxy-1 ] && rss=$(($(rss_mb "$pid") + $(for c in $(pgrep -P "$pid"); do rss_mb "$c"; echo; done | awk '{ s += $1 } END { print s + 0 }')))
      total=$((total + rss))
    else
      pid=-
      if [ "$health" = down ]; then health=stopped; else health="$health (not started by this cluster)"; fi
    fi
    printf '%-24s %-8s %-7s %-34s %s\n' "$id" "$pid" "$rss" "$ports" "$health"
  done < <(all_ids)
  if tcp_open "$DB_HOST" "$DB_PORT"; then health=accepting; else health=down; fi
  printf '%-24s %-8s %-7s %-34s %s\n' postgres - - "$DB_HOST:$DB_PORT" "$health (the machine's; ${DB_NAME_PREFIX}_*)"
  echo "total RSS of the processes above: ${total} MB; logs: $LOG_DIR; pids: $PID_DIR"
}

cmd_pids() {
  local id pid
  while read -r id; do
    if pid="$(running_pid "$id")"; then echo "$id $pid"; fi
  done < <(all_ids)
}

usage() {
  sed -n '2,13p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
  exit 2
}

case "${1:-}" in
  up) cmd_up ;;
  down) cmd_down ;;
  status) cmd_status ;;
  pids) cmd_pids ;;
  *) usage ;;
esac
