#!/usr/bin/env bash
# `make bench-tracker`: the same announce load against tracker-service and against Debian's opentracker
# (whitelist build, run as a non-root user), over the same info hashes, in one run:
#   UDP  - udpload.c (BEP 15, sendmmsg/recvmmsg, a bounded window of announces in flight)
#   HTTP - wrk -H "Connection: close" with announce.lua (a new TCP connection per announce)
# and prints announces/s, p50/p99 latency, errors and the ratio ours / opentracker per protocol.
#
# What it starts (and stops again on exit, whatever happens): a KRaft Kafka broker on its own ports and data dir
# (the tracker's whitelist and stats topics), tracker-service from a copy of its jar, opentracker; Redis and
# PostgreSQL are the machine's (started through infra/devstack/stack.sh infra-up when down, and then stopped).
#
# Ports differ from the system tests' (tracker 16969, management 18084, Kafka 19092) so both can run at once.
# Environment (defaults): BENCH_DIR (var/bench-tracker), SKIP_BUILD (0: 1 = use tracker-service/target's jar as it
# is), BENCH_TRACKER_JAR (a tracker-service jar to measure instead, e.g. another version; implies no build),
# PROFILE (0: 1 = JFR over our measured runs + hot methods), BENCH_DURATION (10 s measured per run),
# BENCH_WARMUP (2 s inside each run), BENCH_HASHES (1000), BENCH_PEERS (100000), BENCH_UDP_WINDOW (128), BENCH_UDP_SOCKETS (16),
# BENCH_HTTP_THREADS (2), BENCH_HTTP_CONNECTIONS (128), BENCH_TRACKER_PORT (17969),
# BENCH_TRACKER_MANAGEMENT_PORT (18194), BENCH_OPENTRACKER_PORT (17970), BENCH_KAFKA_PORT (19392; controller +1),
# BENCH_REDIS_DATABASE (9, flushed before and after), BENCH_JAVA_OPTS (-Xms1g -Xmx1g), REDIS_HOST / REDIS_PORT.
set -Eeuo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
HERE="$ROOT/infra/bench/tracker"
BENCH_DIR="${BENCH_DIR:-$ROOT/var/bench-tracker}"
mkdir -p "$BENCH_DIR"
BENCH_DIR="$(cd "$BENCH_DIR" && pwd)"
SKIP_BUILD="${SKIP_BUILD:-0}"
SOURCE_JAR="${BENCH_TRACKER_JAR:-}"
if [ -n "$SOURCE_JAR" ]; then SKIP_BUILD=1; else SOURCE_JAR="$ROOT/tracker-service/target/tracker-service-0.1.0-SNAPSHOT.jar"; fi
PROFILE="${PROFILE:-0}"
# BENCH_MODE=memory (`make bench-tracker-memory`): load BENCH_PEERS (1M) peers over BENCH_HASHES (100k) swarms into
# both trackers, once each, and report heap / RSS / Redis bytes per peer instead of the throughput runs.
MODE="${BENCH_MODE:-throughput}"
if [ "$MODE" = memory ]; then
  : "${BENCH_HASHES:=100000}" "${BENCH_PEERS:=1000000}"
  # A Redis of its own, so that other users of the machine's Redis do not blur used_memory.
  : "${REDIS_PORT:=${BENCH_MEMORY_REDIS_PORT:-17971}}"
fi
# The start-up check's peers: in memory mode a few, so that the empty figures are (nearly) empty.
AWAIT_PEERS="$([ "$MODE" = memory ] && echo 100 || echo "${BENCH_PEERS:-100000}")"
DURATION="${BENCH_DURATION:-10}"
WARMUP="${BENCH_WARMUP:-2}"
NHASHES="${BENCH_HASHES:-1000}"
PEERS="${BENCH_PEERS:-100000}"
UDP_WINDOW="${BENCH_UDP_WINDOW:-128}"
UDP_SOCKETS="${BENCH_UDP_SOCKETS:-16}"
HTTP_THREADS="${BENCH_HTTP_THREADS:-2}"
HTTP_CONNECTIONS="${BENCH_HTTP_CONNECTIONS:-128}"
OUR_PORT="${BENCH_TRACKER_PORT:-17969}"
OUR_MGMT_PORT="${BENCH_TRACKER_MANAGEMENT_PORT:-18194}"
OT_PORT="${BENCH_OPENTRACKER_PORT:-17970}"
KAFKA_PORT="${BENCH_KAFKA_PORT:-19392}"
KAFKA_CONTROLLER_PORT="$((KAFKA_PORT + 1))"
REDIS_HOST="${REDIS_HOST:-127.0.0.1}"
REDIS_PORT="${REDIS_PORT:-6379}"
REDIS_DB="${BENCH_REDIS_DATABASE:-9}"
JAVA_OPTS="${BENCH_JAVA_OPTS:--Xms1g -Xmx1g}"
OT_USER=opentracker-bench
# BENCH_MODE=ab: tracker-service A (the usual one: BENCH_TRACKER_JAR or the build, BENCH_A_ENV, BENCH_JAVA_OPTS) against
# tracker-service B (BENCH_B_JAR, default A's jar; BENCH_B_ENV; BENCH_B_JAVA_OPTS, default A's), BENCH_AB_ROUNDS (4)
# alternating UDP runs (A B, then B A, ...) and as many HTTP runs unless BENCH_AB_HTTP=0; no opentracker.
JAR_B_SOURCE="${BENCH_B_JAR:-}"
JAR_B="$BENCH_DIR/tracker-service-b.jar"
B_JAVA_OPTS="${BENCH_B_JAVA_OPTS:-$JAVA_OPTS}"
B_PORT="${BENCH_B_PORT:-17972}"
B_MGMT_PORT="${BENCH_B_MANAGEMENT_PORT:-18195}"
AB_ROUNDS="${BENCH_AB_ROUNDS:-4}"

HASHES="$BENCH_DIR/hashes.txt"
UDPLOAD="$BENCH_DIR/udpload"
JAR="$BENCH_DIR/tracker-service.jar"
LOGS="$BENCH_DIR/logs"
RESULTS="$BENCH_DIR/results.txt"
JFR_FILE="$BENCH_DIR/tracker.jfr"
# The dev stack script runs Kafka (and Redis/PostgreSQL if down) for us, with its pid files in our own dir.
STACK=(env STACK_DIR="$BENCH_DIR/stack" KAFKA_PORT="$KAFKA_PORT" KAFKA_CONTROLLER_PORT="$KAFKA_CONTROLLER_PORT"
  REDIS_HOST="$REDIS_HOST" REDIS_PORT="$REDIS_PORT" "$ROOT/infra/devstack/stack.sh")
START=$SECONDS

log() { printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*"; }
die() {
  printf '[bench %s] ERROR: %s\n' "$(date +%H:%M:%S)" "$*" >&2
  exit 1
}

find_java() {
  local c
  for c in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/temurin-25-jdk* /usr/lib/jvm/java-25-openjdk*; do
    if [ -n "$c" ] && [ -x "$c/bin/java" ] && "$c/bin/java" -version 2>&1 | grep -q 'version "2[5-9]'; then
      echo "$c"
      return
    fi
  done
  die "JDK 25 not found in /usr/lib/jvm"
}
JDK="$(find_java)"
export JAVA_HOME="$JDK"

tcp_open() { timeout 1 bash -c "exec 3<>/dev/tcp/$1/$2" 2>/dev/null; }
port_taken() { tcp_open 127.0.0.1 "$1" || [ -n "$(ss -Hlun "sport = :$1" 2>/dev/null)" ]; }
redis() { redis-cli -h "$REDIS_HOST" -p "$REDIS_PORT" "$@"; }

# ------------------------------------------------------------------------------------------------ clean-up (trap)
OUR_PID=""
OT_PID=""
B_PID=""
GEN_PID=""
KAFKA_STARTED=0
PRIVATE_REDIS_PID=""
cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  set +e # clean up as much as possible
  [ -n "$GEN_PID" ] && kill "$GEN_PID" 2>/dev/null
  [ -n "$OUR_PID" ] && stop_pid "tracker-service" "$OUR_PID" 30
  [ -n "$OT_PID" ] && stop_pid "opentracker" "$OT_PID" 5
  [ -n "$B_PID" ] && stop_pid "tracker-service b" "$B_PID" 30
  [ "$MODE" = ab ] && redis -n "$((REDIS_DB + 1))" FLUSHDB >/dev/null 2>&1
  [ "$KAFKA_STARTED" = 1 ] && "${STACK[@]}" stop kafka >>"$LOGS/stack.log" 2>&1
  # Redis / PostgreSQL only if infra-up had to start them (stack.sh keeps their pid / ownership in our STACK_DIR).
  "${STACK[@]}" stop redis >>"$LOGS/stack.log" 2>&1 || true
  "${STACK[@]}" stop postgres >>"$LOGS/stack.log" 2>&1 || true
  redis -n "$REDIS_DB" FLUSHDB >/dev/null 2>&1 || true
  [ -n "$PRIVATE_REDIS_PID" ] && stop_pid "redis-server (private)" "$PRIVATE_REDIS_PID" 5
  log "stopped everything this run started (logs: $LOGS)"
  exit "$rc"
}
stop_pid() { # name pid grace-seconds
  kill -TERM "$2" 2>/dev/null || return 0
  local deadline=$((SECONDS + $3))
  while kill -0 "$2" 2>/dev/null; do
    if [ "$SECONDS" -ge "$deadline" ]; then
      kill -KILL "$2" 2>/dev/null || true
      break
    fi
    sleep 0.1
  done
  log "$1 (pid $2) stopped"
}

cpu_ticks() { # utime + stime of a pid, in clock ticks (0 when it is gone)
  local stat
  stat="$(cat "/proc/$1/stat" 2>/dev/null)" || {
    echo 0
    return
  }
  stat="${stat##*) }" # the command name may hold spaces; fields after it start at field 3
  read -r -a f <<<"$stat"
  echo $((f[11] + f[12]))
}
threads_ticks() { # summed over the given pids
  local t=0 p
  for p in "$@"; do t=$((t + $(cpu_ticks "$p"))); done
  echo "$t"
}
HZ="$(getconf CLK_TCK)"

# ----------------------------------------------------------------------------------------------------- preparation
prepare() {
  mkdir -p "$LOGS"
  : >"$RESULTS"
  "$ROOT/infra/ci/ensure-packages.sh" gcc libc6-dev wrk opentracker redis-tools curl >>"$LOGS/packages.log" 2>&1 || {
    tail -5 "$LOGS/packages.log" >&2
    die "could not install the bench's Debian packages (log: $LOGS/packages.log)"
  }
  local port
  for port in "$OUR_PORT" "$OUR_MGMT_PORT" "$OT_PORT" "$KAFKA_PORT" "$KAFKA_CONTROLLER_PORT"; do
    port_taken "$port" && die "port $port is in use; stop what listens there or set the BENCH_*_PORT variables"
  done
  if [ ! -x "$UDPLOAD" ] || [ "$HERE/udpload.c" -nt "$UDPLOAD" ]; then
    log "compiling udpload"
    gcc -O2 -Wall -Wextra -o "$UDPLOAD" "$HERE/udpload.c"
  fi
  if [ "$SKIP_BUILD" != 1 ]; then
    log "building tracker-service (./mvnw -q -pl tracker-service -am package, tests not compiled)"
    (cd "$ROOT" && ./mvnw -B -q -pl tracker-service -am -Dmaven.test.skip=true -Dspotless.check.skip=true \
      -Dcheckstyle.skip=true package) >"$LOGS/build.log" 2>&1 || {
      grep -E 'ERROR' "$LOGS/build.log" | head -20 >&2
      die "the tracker-service build failed (log: $LOGS/build.log)"
    }
  fi
  # A copy, so that a concurrent build of the module cannot swap the jar under the running JVM.
  [ -f "$SOURCE_JAR" ] || die "$SOURCE_JAR is missing (build it, or unset SKIP_BUILD / BENCH_TRACKER_JAR)"
  cp "$SOURCE_JAR" "$JAR"
  if [ "$MODE" = ab ]; then
    cp "${JAR_B_SOURCE:-$SOURCE_JAR}" "$JAR_B"
    for port in "$B_PORT" "$B_MGMT_PORT"; do
      port_taken "$port" && die "port $port is in use; set BENCH_B_PORT / BENCH_B_MANAGEMENT_PORT"
    done
  fi
  log "Redis/PostgreSQL (infra/devstack/stack.sh infra-up) and a Kafka broker on 127.0.0.1:$KAFKA_PORT"
  "${STACK[@]}" infra-up >>"$LOGS/stack.log" 2>&1 || {
    tail -5 "$LOGS/stack.log" >&2
    die "infra-up failed (log: $LOGS/stack.log)"
  }
  KAFKA_STARTED=1
  "${STACK[@]}" start kafka >>"$LOGS/stack.log" 2>&1 || {
    tail -5 "$LOGS/stack.log" >&2
    die "Kafka did not start (log: $LOGS/stack.log)"
  }
  # N random info hashes, one 40-hex line each: the whitelist of both trackers and the load of every run.
  od -An -tx1 -v -N$((NHASHES * 20)) /dev/urandom | tr -d ' \n' | fold -w40 >"$HASHES"
  echo >>"$HASHES"
  chmod 644 "$HASHES"
  redis -n "$REDIS_DB" FLUSHDB >/dev/null || die "redis-cli FLUSHDB on database $REDIS_DB failed"
}

# -------------------------------------------------------------------------------------------------------- trackers
start_ours() {
  start_tracker ours "$JAR" "$OUR_PORT" "$OUR_MGMT_PORT" "$REDIS_DB" "$JAVA_OPTS" "${BENCH_A_ENV:-}"
  OUR_PID="$STARTED_PID"
}
# BENCH_MODE=ab: a second tracker-service ("b": BENCH_B_JAR, BENCH_B_ENV, BENCH_B_JAVA_OPTS) beside the first.
start_b() {
  redis -n "$((REDIS_DB + 1))" FLUSHDB >/dev/null || die "redis-cli FLUSHDB on database $((REDIS_DB + 1)) failed"
  start_tracker b "$JAR_B" "$B_PORT" "$B_MGMT_PORT" "$((REDIS_DB + 1))" "$B_JAVA_OPTS" "${BENCH_B_ENV:-}"
  B_PID="$STARTED_PID"
}
start_tracker() { # label jar port management-port redis-db java-opts extra-env ("K=V K=V")
  local label="$1" jar="$2" port="$3" mgmt="$4" db="$5" opts="$6" extra="$7" logfile="$LOGS/tracker-service-$1.log"
  [ "$label" = ours ] && logfile="$LOGS/tracker-service.log"
  log "starting tracker-service $label on UDP/TCP $port (management $mgmt, Redis db $db${extra:+, $extra}${opts:+, $opts})"
  # shellcheck disable=SC2086
  # The dev profile, as in the dev stack: the bench runs with the development service secret. The load
  # generator is one address holding 100 peers per swarm; opentracker has no per-address caps, so ours are
  # raised to their maxima (still counted on every announce, so their cost is measured).
  setsid env SPRING_PROFILES_ACTIVE=dev TRACKER_MAX_PEERS_PER_IP_PER_SWARM=1000 TRACKER_MAX_PEERS_PER_IP=1000000 \
    SERVER_PORT="$mgmt" TRACKER_PORT="$port" TRACKER_BIND_ADDRESS=127.0.0.1 \
    REDIS_HOST="$REDIS_HOST" REDIS_PORT="$REDIS_PORT" REDIS_DATABASE="$db" \
    KAFKA_BOOTSTRAP_SERVERS="127.0.0.1:$KAFKA_PORT" TRACKER_SWARM_STORE=redis \
    TRACKER_WHITELIST_FILE="$HASHES" TORRENT_SERVICE_URL=http://127.0.0.1:9 $extra \
    "$JDK/bin/java" $opts -Danimetracker.bench="$BENCH_DIR" -jar "$jar" \
    --animetracker.tracker.swarm-store=redis >"$logfile" 2>&1 </dev/null &
  STARTED_PID=$!
  [ "$label" = ours ] && OUR_PID="$STARTED_PID" # for the clean-up, should start-up fail
  [ "$label" = b ] && B_PID="$STARTED_PID"
  local deadline=$((SECONDS + 150))
  until curl -fsS -m 2 "http://127.0.0.1:$mgmt/actuator/health" 2>/dev/null | grep -q '"status":"UP"'; do
    kill -0 "$STARTED_PID" 2>/dev/null || {
      tail -30 "$logfile" >&2
      die "tracker-service $label exited during start-up (log: $logfile)"
    }
    [ "$SECONDS" -lt "$deadline" ] || die "tracker-service $label not healthy after 150 s (log: $logfile)"
    sleep 0.3
  done
  log "tracker-service $label up (pid $STARTED_PID): $(grep -o 'Whitelist file .*' "$logfile" | head -1)"
  grep -o 'Tracker listening on .*' "$logfile" | head -1 | sed 's/^/    /'
}

start_opentracker() {
  local as=() who="$(id -un)"
  if [ "$(id -u)" = 0 ]; then
    if ! id "$OT_USER" >/dev/null 2>&1; then
      useradd --system --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin "$OT_USER" ||
        die "could not create the system user $OT_USER"
    fi
    # setpriv execs opentracker itself, so $! is opentracker's pid (runuser would stay in between).
    as=(setpriv --reuid="$OT_USER" --regid="$OT_USER" --init-groups)
    who="$OT_USER"
  fi
  log "starting opentracker on UDP/TCP $OT_PORT as $who (whitelist $HASHES)"
  # -A: 127.0.0.1 may read /stats (the memory mode counts opentracker's peers there).
  setsid "${as[@]}" /usr/bin/opentracker -i 127.0.0.1 -p "$OT_PORT" -P "$OT_PORT" -w "$HASHES" -d "$BENCH_DIR" -A 127.0.0.1 \
    >"$LOGS/opentracker.log" 2>&1 </dev/null &
  OT_PID=$!
  local user="" i
  for i in $(seq 1 50); do # until setsid/setpriv have exec'd opentracker and it has bound its port
    if [ "$(cat "/proc/$OT_PID/comm" 2>/dev/null)" = opentracker ] && port_taken "$OT_PORT"; then
      user="$(ps -o user= -p "$OT_PID")"
      break
    fi
    kill -0 "$OT_PID" 2>/dev/null || break
    sleep 0.1
  done
  [ -n "$user" ] || die "opentracker did not start (log: $LOGS/opentracker.log)"
  [ "$user" != root ] || die "opentracker runs as root"
  log "opentracker up (pid $OT_PID, user $user)"
}

# The whitelist is read asynchronously by opentracker: wait until an announce is answered without error packets.
await_announces() { # label port
  local deadline=$((SECONDS + 30)) out
  while true; do
    out="$("$UDPLOAD" -p "$2" -f "$HASHES" -P "$AWAIT_PEERS" -d 0.5 -w 0.2 -W 64 -s 4 -l "$1" 2>&1 || true)"
    if grep -q 'RESULT .* ok=[1-9].* err_packets=0 ' <<<"$out"; then return 0; fi
    [ "$SECONDS" -lt "$deadline" ] || {
      echo "$out" >&2
      die "$1 does not answer announces on UDP port $2"
    }
    sleep 0.5
  done
}

# ------------------------------------------------------------------------------------------------------------ runs
# A load generator runs in the background and is waited for, so that INT/TERM reach the trap at once (bash
# defers traps until a foreground child ends) and the clean-up can stop it. Output goes to $1.
generate() { # output-file command...
  local outfile="$1"
  shift
  "$@" >"$outfile" 2>&1 &
  GEN_PID=$!
  wait "$GEN_PID" || true
  GEN_PID=""
}
# Both exec: run in the background by generate(), the subshell becomes the generator (one pid to stop).
run_udp() { # label port seconds warmup
  exec "$UDPLOAD" -p "$2" -f "$HASHES" -P "$PEERS" -d "$3" -w "$4" -W "$UDP_WINDOW" -s "$UDP_SOCKETS" -l "$1"
}
run_http() { # label port seconds
  exec wrk -t"$HTTP_THREADS" -c"$HTTP_CONNECTIONS" -d"${3}s" --latency -H "Connection: close" -s "$HERE/announce.lua" \
    "http://127.0.0.1:$2" -- "$HASHES" "$PEERS" "$1" "$HTTP_THREADS"
}

# Runs one measured round and appends its RESULT line plus CPU shares (in % of one core, over the whole run including
# the generator's warm-up seconds) to $RESULTS: server_cpu_pct = the tracker process (+ redis-server for ours),
# gen_cpu_pct = the load generator, other_cpu_pct = everything else on the machine (other people's builds make the
# figures incomparable: watch this column).
measure() { # ours|opentracker udp|http [scrapes]
  local who="$1" proto="$2" port pids=() out t0 t1 s0 s1 g0 g1 m0 m1 label="$1"
  if [ "$who" = ours ] || [ "$who" = b ]; then
    port="$OUR_PORT"
    pids=("$OUR_PID")
    [ "$who" = b ] && port="$B_PORT" && pids=("$B_PID")
    [ -n "$REDIS_PID" ] && pids+=("$REDIS_PID")
  else
    port="$OT_PORT"
    pids=("$OT_PID")
  fi
  log "measuring $who over $proto (${WARMUP} s warm-up + ${DURATION} s; load average $(cut -d' ' -f1-3 /proc/loadavg))"
  local outfile="$LOGS/$who-$proto.out" r0=0 r1=0 scrape_pid=""
  if [ "${3:-}" = scrapes ]; then
    # Repeated ~1000-hash scrapes beside the announces: 14 packets of 74 hashes (BEP 15's practical maximum, and
    # our max-scrape-hashes) in flight at once, for the whole run; their own RESULT line goes to a file of theirs.
    label="$who-scraped"
    outfile="$LOGS/$who-$proto-scraped.out"
    "$UDPLOAD" -p "$port" -f "$HASHES" -X 74 -W 14 -s 1 -d "$DURATION" -w "$WARMUP" -l "$who-scrapes" \
      >"$LOGS/$who-scrapes.out" 2>&1 &
    scrape_pid=$!
  fi
  # The CPU counters are read over the measured seconds only (the generator's own warm-up excluded), so that
  # CPU per announce = server CPU time / announces the generator counted in the same seconds.
  if [ "$proto" = udp ]; then
    "$UDPLOAD" -p "$port" -f "$HASHES" -P "$PEERS" -d "$DURATION" -w "$WARMUP" -W "$UDP_WINDOW" -s "$UDP_SOCKETS" \
      -l "$label" >"$outfile" 2>&1 &
    GEN_PID=$!
    sleep "$WARMUP"
  else
    generate /dev/null run_http "$who" "$port" "$WARMUP" # wrk has no warm-up of its own
    wrk -t"$HTTP_THREADS" -c"$HTTP_CONNECTIONS" -d"${DURATION}s" --latency -H "Connection: close" \
      -s "$HERE/announce.lua" "http://127.0.0.1:$port" -- "$HASHES" "$PEERS" "$who" "$HTTP_THREADS" >"$outfile" 2>&1 &
    GEN_PID=$!
  fi
  t0="$(date +%s%N)"
  s0="$(threads_ticks "${pids[@]}")"
  [ "$who" != opentracker ] && [ -n "$REDIS_PID" ] && r0="$(cpu_ticks "$REDIS_PID")"
  g0="$(cpu_ticks "$GEN_PID")"
  m0="$(machine_ticks)"
  # The generator's own ticks just before it ends (a reaped child has no /proc entry).
  local glast="$g0" gnow
  while kill -0 "$GEN_PID" 2>/dev/null; do
    gnow="$(cpu_ticks "$GEN_PID")"
    [ "$gnow" -gt 0 ] && glast="$gnow"
    sleep 0.2
  done
  m1="$(machine_ticks)"
  s1="$(threads_ticks "${pids[@]}")"
  [ "$who" != opentracker ] && [ -n "$REDIS_PID" ] && r1="$(cpu_ticks "$REDIS_PID")"
  t1="$(date +%s%N)"
  wait "$GEN_PID" || true
  GEN_PID=""
  [ -z "$scrape_pid" ] || wait "$scrape_pid" || true
  g1="$glast"
  out="$(cat "$outfile")"
  local secs server gen other
  secs="$(awk -v ns=$((t1 - t0)) 'BEGIN { print ns / 1e9 }')"
  server="$(pct $((s1 - s0)) "$secs")"
  gen="$(pct $((g1 - g0)) "$secs")"
  other="$(pct $((m1 - m0 - (s1 - s0) - (g1 - g0))) "$secs")"
  echo "$out" | grep -v '^RESULT' | sed 's/^/    /' || true
  local split=""
  [ "$who" != opentracker ] && [ -n "$REDIS_PID" ] &&
    split=" (JVM $(pct $((s1 - s0 - r1 + r0)) "$secs") + redis-server $(pct $((r1 - r0)) "$secs"))"
  echo "    CPU (% of one core): server $server$split, generator $gen, rest of the machine $other"
  local result ok
  result="$(grep '^RESULT ' <<<"$out" | tail -1 | sed 's/ gen_cpu_pct=[^ ]*//')"
  [ -n "$result" ] || result="RESULT label=$label proto=$proto rps=0 p50_ms=0 p99_ms=0 ok=0 errors=-1"
  ok="$(field "$result" ok)"
  # µs of CPU per answered announce: the whole server (JVM + redis-server for ours) and the tracker process alone.
  local us_server us_process
  us_server="$(per_announce $((s1 - s0)) "$ok")"
  us_process="$(per_announce $((s1 - s0 - r1 + r0)) "$ok")"
  echo "    CPU per announce: ${us_server} µs (tracker process alone ${us_process} µs)"
  echo "$result server_cpu_pct=$server gen_cpu_pct=$gen other_cpu_pct=$other cpu_us=$us_server process_cpu_us=$us_process" \
    >>"$RESULTS"
}
per_announce() { # ticks announces -> µs of CPU per announce
  awk -v t="$1" -v hz="$HZ" -v n="$2" 'BEGIN { if (n > 0) printf "%.2f", 1e6 * t / hz / n; else print "-" }'
}
pct() { awk -v t="$1" -v hz="$HZ" -v s="$2" 'BEGIN { v = 100 * t / hz / s; printf "%.0f", v < 0 ? 0 : v }'; }
# CPU of this shell's finished children (the generator, reaped by `wait` before we read).
children_ticks() {
  local stat
  stat="$(cat /proc/$$/stat)"
  stat="${stat##*) }"
  read -r -a f <<<"$stat"
  echo $((f[13] + f[14]))
}
machine_ticks() { # busy ticks of all CPUs: user nice system irq softirq steal
  awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 + $9; exit }' /proc/stat
}

field() { # result-line key
  sed -n "s/.* $2=\([^ ]*\).*/\1/p" <<<"$1"
}

report() {
  local line proto ours theirs
  echo
  printf '%-16s %-5s %12s %9s %9s %8s %11s %8s %8s %8s %8s %8s\n' tracker proto announces/s p50_ms p99_ms errors \
    "with_peers%" "server%" "gen%" "others%" "cpu_us" "proc_us"
  while read -r line; do
    local who
    who="$(field "$line" label)"
    [ "$who" = ours ] && who=tracker-service
    printf '%-16s %-5s %12s %9s %9s %8s %11s %8s %8s %8s %8s %8s\n' "$who" "$(field "$line" proto)" \
      "$(field "$line" rps)" "$(field "$line" p50_ms)" "$(field "$line" p99_ms)" "$(field "$line" errors)" \
      "$(field "$line" with_peers_pct)" "$(field "$line" server_cpu_pct)" "$(field "$line" gen_cpu_pct)" \
      "$(field "$line" other_cpu_pct)" "$(field "$line" cpu_us)" "$(field "$line" process_cpu_us)"
  done < <(grep ' proto=udp ' "$RESULTS"; grep ' proto=http ' "$RESULTS")
  echo
  for proto in udp http; do
    ours="$(grep "label=ours proto=$proto " "$RESULTS" | head -1)"
    theirs="$(grep "label=opentracker proto=$proto " "$RESULTS" | head -1)"
    awk -v p="$proto" -v a="$(field "$ours" rps)" -v b="$(field "$theirs" rps)" \
      -v la="$(field "$ours" p99_ms)" -v lb="$(field "$theirs" p99_ms)" \
      -v ca="$(field "$ours" cpu_us)" -v cp="$(field "$ours" process_cpu_us)" -v cb="$(field "$theirs" cpu_us)" 'BEGIN {
        if (b > 0) printf "%-4s ours / opentracker: %.2fx announces/s (goal >= 1.00x), p99 %s ms vs %s ms\n", p, a / b, la, lb
        else printf "%-4s opentracker measured nothing\n", p
        if (cb > 0 && ca > 0)
          printf "%-4s CPU per announce: %s µs ours (%s µs JVM alone) vs %s µs opentracker: %.2fx (%.2fx JVM alone; goal <= 1.00x)\n",
            p, ca, cp, cb, ca / cb, cp / cb }'
  done
  local scraped
  for who in ours opentracker; do
    scraped="$(grep "label=$who-scraped proto=udp " "$RESULTS" | head -1)"
    [ -n "$scraped" ] || continue
    ours="$(grep "label=$who proto=udp " "$RESULTS" | head -1)"
    theirs="$(grep '^RESULT ' "$LOGS/$who-scrapes.out" 2>/dev/null | tail -1)"
    awk -v w="$who" -v a="$(field "$scraped" rps)" -v b="$(field "$ours" rps)" -v p="$(field "$scraped" p99_ms)" \
      -v s="$(field "$theirs" rps)" -v e="$(field "$theirs" errors)" 'BEGIN {
        printf "udp  %s during repeated 1000-hash scrapes: %d announces/s (%.0f%% of its run without them), p99 %s ms;", w, a, (b > 0 ? 100 * a / b : 0), p
        printf " %.1f scrapes of 1000 hashes/s (%d packets of 74/s, %d errors)\n", s * 74 / 1000, s, e }'
  done
  local bad busy
  bad="$(awk '{ for (i = 1; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
               if (v["ok"] == 0 || v["errors"] < 0 || v["errors"] * 100 > v["ok"] || v["with_peers_pct"] + 0 < 50)
                 printf "%s %s; ", v["label"], v["proto"] }' "$RESULTS")"
  [ -z "$bad" ] || printf '\nWARNING: no replies, errors over 1%% of replies or replies without peers in: %s\n' "$bad"
  busy="$(awk '{ for (i = 1; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
                if (v["other_cpu_pct"] + 0 > 20) printf "%s %s (%s%%); ", v["label"], v["proto"], v["other_cpu_pct"] }' "$RESULTS")"
  [ -z "$busy" ] || printf '\nWARNING: other processes used CPU during: %s the figures are not those of a quiet machine\n' "$busy"
  return 0
}

profile_start() {
  [ "$PROFILE" = 1 ] || return 0
  rm -f "$JFR_FILE"
  # JDK 25's CPU-time sampler (JEP 509) also sees threads while they run native code (socket syscalls), which
  # the classic execution sampler skips; both are recorded.
  "$JDK/bin/jcmd" "$OUR_PID" JFR.start name=bench settings=profile jdk.CPUTimeSample#enabled=true \
    >>"$LOGS/jfr.log" 2>&1 || "$JDK/bin/jcmd" "$OUR_PID" JFR.start name=bench settings=profile >>"$LOGS/jfr.log" 2>&1 ||
    die "jcmd JFR.start failed (log: $LOGS/jfr.log)"
}
profile_report() {
  [ "$PROFILE" = 1 ] || return 0
  "$JDK/bin/jcmd" "$OUR_PID" JFR.stop name=bench filename="$JFR_FILE" >>"$LOGS/jfr.log" 2>&1 ||
    die "jcmd JFR.stop failed (log: $LOGS/jfr.log)"
  local view
  for view in hot-methods cpu-time-hot-methods; do
    echo
    echo "JFR $view of tracker-service over the measured runs ($JFR_FILE):"
    "$JDK/bin/jfr" view --width 150 "$view" "$JFR_FILE" 2>&1 | sed -n '4,28p'
  done
  # Self and total shares of the hottest frames, Java-only and CPU-time (native included) samples.
  python3 "$HERE/jfr-top.py" "$JDK" "$JFR_FILE" 15 || true
}

# ---------------------------------------------------------------------------------------------------- memory mode
start_private_redis() {
  mkdir -p "$LOGS" "$BENCH_DIR/redis"
  port_taken "$REDIS_PORT" && die "port $REDIS_PORT (the memory bench's own Redis) is in use; set BENCH_MEMORY_REDIS_PORT"
  log "starting a private redis-server on 127.0.0.1:$REDIS_PORT (no persistence)"
  setsid redis-server --bind 127.0.0.1 --port "$REDIS_PORT" --save '' --appendonly no --dir "$BENCH_DIR/redis" \
    >"$LOGS/redis.log" 2>&1 </dev/null &
  PRIVATE_REDIS_PID=$!
  local i
  for i in $(seq 1 50); do
    redis PING 2>/dev/null | grep -q PONG && return 0
    sleep 0.1
  done
  die "the private redis-server did not start (log: $LOGS/redis.log)"
}
rss_bytes() { awk '/^VmRSS:/ { print $2 * 1024 }' "/proc/$1/status"; }
heap_used_bytes() { # after a full GC, the JVM's used heap in bytes
  "$JDK/bin/jcmd" "$1" GC.run >/dev/null 2>&1
  # G1 prints one "garbage-first heap total ..., used NK" line, Parallel/Serial one per generation; metaspace
  # lines are left out.
  "$JDK/bin/jcmd" "$1" GC.heap_info 2>/dev/null | awk '
    /(heap|Gen|generation) +total/ && match($0, /used [0-9]+K/) { t += substr($0, RSTART + 5, RLENGTH - 6) }
    END { print t * 1024 }'
}
redis_used_bytes() { redis INFO memory | tr -d '\r' | sed -n 's/^used_memory:\([0-9]*\)$/\1/p'; }
our_peers() {
  curl -fsS -m 5 "http://127.0.0.1:$OUR_MGMT_PORT/actuator/prometheus" |
    awk '/^tracker_peers[ {]/ && !done { printf "%.0f\n", $NF; done = 1 }' # reads to the end: no SIGPIPE for curl
}
opentracker_peers() { curl -fsS -m 5 "http://127.0.0.1:$OT_PORT/stats?mode=peer" | awk 'NR == 1 { gsub(/[^0-9]/, ""); print }'; }
# One announce per peer (numwant 0: only the swarms are measured, not the replies), then wait for the store.
load_peers() { # label port
  log "loading $PEERS peers over $NHASHES swarms into $1 (one announce each)"
  generate "$LOGS/memory-load-$1.out" "$UDPLOAD" -p "$2" -f "$HASHES" -P "$PEERS" -N "$PEERS" -n 0 -d 600 -w 0 \
    -W "$UDP_WINDOW" -s "$UDP_SOCKETS" -l "$1"
  grep -v '^RESULT' "$LOGS/memory-load-$1.out" | sed 's/^/    /'
}
memory_bench() {
  local ours_rss0 ours_heap0 ot_rss0 redis0 ours_rss1 ours_heap1 ot_rss1 redis1 ours_n ot_n keys
  sleep 3 # let start-up work (whitelist, first syncs) settle before the empty figures
  ours_heap0="$(heap_used_bytes "$OUR_PID")"
  ours_rss0="$(rss_bytes "$OUR_PID")"
  ot_rss0="$(rss_bytes "$OT_PID")"
  redis0="$(redis_used_bytes)"
  load_peers ours "$OUR_PORT"
  load_peers opentracker "$OT_PORT"
  # The replicator writes touched swarms every sync interval: wait until Redis stops growing.
  local before=-1 now i
  for i in $(seq 1 60); do
    now="$(redis -n "$REDIS_DB" DBSIZE | tr -dc '0-9')"
    [ "$now" = "$before" ] && break
    before="$now"
    sleep 2
  done
  ours_heap1="$(heap_used_bytes "$OUR_PID")"
  ours_rss1="$(rss_bytes "$OUR_PID")"
  ot_rss1="$(rss_bytes "$OT_PID")"
  redis1="$(redis_used_bytes)"
  keys="$(redis -n "$REDIS_DB" DBSIZE | tr -dc '0-9')"
  ours_n="$(our_peers)"
  ot_n="$(opentracker_peers)"
  echo
  printf '%-34s %14s %14s %12s\n' "$PEERS peers over $NHASHES swarms" "peers held" "bytes" "bytes/peer"
  row() { awk -v l="$1" -v n="$2" -v a="$3" -v b="$4" 'BEGIN {
    printf "%-34s %14d %14d %12.1f\n", l, n, b - a, (n > 0 ? (b - a) / n : 0) }'; }
  row "tracker-service heap (after GC)" "$ours_n" "$ours_heap0" "$ours_heap1"
  row "tracker-service RSS" "$ours_n" "$ours_rss0" "$ours_rss1"
  row "opentracker RSS" "$ot_n" "$ot_rss0" "$ot_rss1"
  row "Redis used_memory ($keys keys)" "$ours_n" "$redis0" "$redis1"
  echo
  awk -v a="$ours_rss0" -v b="$ours_rss1" -v n="$ours_n" -v c="$ot_rss0" -v d="$ot_rss1" -v m="$ot_n" \
    -v r0="$redis0" -v r1="$redis1" 'BEGIN {
      ours = n > 0 ? (b - a) / n : 0; theirs = m > 0 ? (d - c) / m : 0; red = n > 0 ? (r1 - r0) / n : 0
      if (theirs > 0) printf "RSS per peer ours / opentracker: %.2fx (goal <= 1.50x)\n", ours / theirs
      printf "Redis per peer: %.1f B (goal <= 100 B)\n", red }'
  echo "MEMORY peers=$PEERS swarms=$NHASHES ours_peers=$ours_n ot_peers=$ot_n ours_heap0=$ours_heap0" \
    "ours_heap1=$ours_heap1 ours_rss0=$ours_rss0 ours_rss1=$ours_rss1 ot_rss0=$ot_rss0 ot_rss1=$ot_rss1" \
    "redis0=$redis0 redis1=$redis1 redis_keys=$keys" >"$RESULTS"
}

# ------------------------------------------------------------------------------------------------------------ A/B
ab_report() {
  echo
  printf '%-6s %-5s %-5s %12s %9s %9s %8s %8s\n' round proto which announces/s p99_ms others% cpu_us proc_us
  local line
  while read -r line; do
    printf '%-6s %-5s %-5s %12s %9s %9s %8s %8s\n' "$(field "$line" round)" "$(field "$line" proto)" \
      "$(field "$line" label | sed 's/^ours$/A/; s/^b$/B/')" "$(field "$line" rps)" "$(field "$line" p99_ms)" \
      "$(field "$line" other_cpu_pct)" "$(field "$line" cpu_us)" "$(field "$line" process_cpu_us)"
  done <"$RESULTS"
  echo
  local proto
  for proto in udp http; do
    # Per round B / A, then the median of the rounds: pairs taken close together cancel the machine's drift.
    awk -v p="$proto" '
      { for (i = 1; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
        if (v["proto"] != p) next
        k = v["round"]; if (v["label"] == "ours") { ra[k] = v["rps"]; ca[k] = v["process_cpu_us"] } else { rb[k] = v["rps"]; cb[k] = v["process_cpu_us"] } }
      function median(a, n,   i, j, t) {
        for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] < a[i]) { t = a[i]; a[i] = a[j]; a[j] = t }
        return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2 }
      END {
        n = 0
        for (k in ra) if (k in rb && ra[k] > 0 && ca[k] > 0) { n++; rr[n] = rb[k] / ra[k]; cr[n] = cb[k] / ca[k]
          lr = lr sprintf(" %.2f", rr[n]); lc = lc sprintf(" %.2f", cr[n]) }
        if (n == 0) exit
        printf "%-4s B / A over %d rounds: announces/s median %.2fx (rounds%s), JVM CPU per announce median %.2fx (rounds%s)\n",
          p, n, median(rr, n), lr, median(cr, n), lc }' "$RESULTS"
  done
}
ab_bench() {
  start_b
  await_announces b "$B_PORT"
  log "warm-up (not measured): A and B 8 s UDP + 4 s HTTP each"
  local who
  for who in ours b; do
    local port="$OUR_PORT"
    [ "$who" = b ] && port="$B_PORT"
    generate "$LOGS/warmup-$who-udp.out" run_udp "$who" "$port" 8 0
    generate "$LOGS/warmup-$who-http.out" run_http "$who" "$port" 4
  done
  local round proto order
  for round in $(seq 1 "$AB_ROUNDS"); do
    order="ours b"
    [ $((round % 2)) = 0 ] && order="b ours"
    for proto in udp http; do
      [ "$proto" = http ] && [ "${BENCH_AB_HTTP:-1}" != 1 ] && continue
      for who in $order; do
        measure "$who" "$proto"
        sed -i '$ s/$/ round='"$round"'/' "$RESULTS"
      done
    done
  done
  ab_report
}

# ------------------------------------------------------------------------------------------------------------ main
trap cleanup EXIT
trap 'exit 130' INT TERM
[ "$MODE" = memory ] && start_private_redis
prepare
REDIS_PID="$(redis info server 2>/dev/null | sed -n 's/^process_id:\([0-9]*\).*/\1/p' | tr -d '\r')"
# Count Redis' CPU only when it runs on this machine.
case "$REDIS_HOST" in 127.0.0.1 | localhost) ;; *) REDIS_PID="" ;; esac
start_ours
if [ "$MODE" = ab ]; then
  await_announces ours "$OUR_PORT"
  profile_start
  ab_bench
  profile_report
  log "done in $((SECONDS - START)) s"
  exit 0
fi
start_opentracker
await_announces ours "$OUR_PORT"
await_announces opentracker "$OT_PORT"
if [ "$MODE" = memory ]; then
  memory_bench
  log "done in $((SECONDS - START)) s"
  exit 0
fi

# Warm-up, not measured: the JIT compiles our hot paths, both trackers fill every swarm with the same peers.
log "warm-up (not measured): tracker-service 8 s UDP + 4 s HTTP, opentracker 3 s UDP + 2 s HTTP"
generate "$LOGS/warmup-ours-udp.out" run_udp ours "$OUR_PORT" 8 0
generate "$LOGS/warmup-ours-http.out" run_http ours "$OUR_PORT" 4
generate "$LOGS/warmup-opentracker-udp.out" run_udp opentracker "$OT_PORT" 3 0
generate "$LOGS/warmup-opentracker-http.out" run_http opentracker "$OT_PORT" 2

# ABBA order, so that neither tracker always gets the cooler machine.
profile_start
measure opentracker udp
measure ours udp
measure ours http
measure opentracker http
if [ "${BENCH_SCRAPES:-1}" = 1 ]; then # scrape never blocks announces: the UDP runs again beside scrapes
  measure opentracker udp scrapes
  measure ours udp scrapes
fi
profile_report
report
log "done in $((SECONDS - START)) s"
