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
GEN_PID=""
KAFKA_STARTED=0
cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  set +e # clean up as much as possible
  [ -n "$GEN_PID" ] && kill "$GEN_PID" 2>/dev/null
  [ -n "$OUR_PID" ] && stop_pid "tracker-service" "$OUR_PID" 30
  [ -n "$OT_PID" ] && stop_pid "opentracker" "$OT_PID" 5
  [ "$KAFKA_STARTED" = 1 ] && "${STACK[@]}" stop kafka >>"$LOGS/stack.log" 2>&1
  # Redis / PostgreSQL only if infra-up had to start them (stack.sh keeps their pid / ownership in our STACK_DIR).
  "${STACK[@]}" stop redis >>"$LOGS/stack.log" 2>&1 || true
  "${STACK[@]}" stop postgres >>"$LOGS/stack.log" 2>&1 || true
  redis -n "$REDIS_DB" FLUSHDB >/dev/null 2>&1 || true
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
  log "starting tracker-service on UDP/TCP $OUR_PORT (management $OUR_MGMT_PORT, Redis db $REDIS_DB)"
  # shellcheck disable=SC2086
  # The dev profile, as in the dev stack: the bench runs with the development service secret. The load
  # generator is one address holding 100 peers per swarm; opentracker has no per-address caps, so ours are
  # raised to their maxima (still counted on every announce, so their cost is measured).
  setsid env SPRING_PROFILES_ACTIVE=dev TRACKER_MAX_PEERS_PER_IP_PER_SWARM=1000 TRACKER_MAX_PEERS_PER_IP=1000000 \
    SERVER_PORT="$OUR_MGMT_PORT" TRACKER_PORT="$OUR_PORT" TRACKER_BIND_ADDRESS=127.0.0.1 \
    REDIS_HOST="$REDIS_HOST" REDIS_PORT="$REDIS_PORT" REDIS_DATABASE="$REDIS_DB" \
    KAFKA_BOOTSTRAP_SERVERS="127.0.0.1:$KAFKA_PORT" TRACKER_SWARM_STORE=redis \
    TRACKER_WHITELIST_FILE="$HASHES" TORRENT_SERVICE_URL=http://127.0.0.1:9 \
    "$JDK/bin/java" $JAVA_OPTS -Danimetracker.bench="$BENCH_DIR" -jar "$JAR" \
    --animetracker.tracker.swarm-store=redis >"$LOGS/tracker-service.log" 2>&1 </dev/null &
  OUR_PID=$!
  local deadline=$((SECONDS + 90))
  until curl -fsS -m 2 "http://127.0.0.1:$OUR_MGMT_PORT/actuator/health" 2>/dev/null | grep -q '"status":"UP"'; do
    kill -0 "$OUR_PID" 2>/dev/null || {
      tail -30 "$LOGS/tracker-service.log" >&2
      OUR_PID=""
      die "tracker-service exited during start-up (log: $LOGS/tracker-service.log)"
    }
    [ "$SECONDS" -lt "$deadline" ] || die "tracker-service not healthy after 90 s (log: $LOGS/tracker-service.log)"
    sleep 0.3
  done
  log "tracker-service up (pid $OUR_PID): $(grep -o 'Whitelist file .*' "$LOGS/tracker-service.log" | head -1)"
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
  setsid "${as[@]}" /usr/bin/opentracker -i 127.0.0.1 -p "$OT_PORT" -P "$OT_PORT" -w "$HASHES" -d "$BENCH_DIR" \
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
    out="$("$UDPLOAD" -p "$2" -f "$HASHES" -P "$PEERS" -d 0.5 -w 0.2 -W 64 -s 4 -l "$1" 2>&1 || true)"
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
measure() { # ours|opentracker udp|http
  local who="$1" proto="$2" port pids=() out t0 t1 s0 s1 g0 g1 m0 m1
  if [ "$who" = ours ]; then
    port="$OUR_PORT"
    pids=("$OUR_PID")
    [ -n "$REDIS_PID" ] && pids+=("$REDIS_PID")
  else
    port="$OT_PORT"
    pids=("$OT_PID")
  fi
  log "measuring $who over $proto (${WARMUP} s warm-up + ${DURATION} s; load average $(cut -d' ' -f1-3 /proc/loadavg))"
  t0="$(date +%s%N)"
  s0="$(threads_ticks "${pids[@]}")"
  local r0=0 r1=0
  [ "$who" = ours ] && [ -n "$REDIS_PID" ] && r0="$(cpu_ticks "$REDIS_PID")"
  g0="$(children_ticks)"
  m0="$(machine_ticks)"
  local outfile="$LOGS/$who-$proto.out"
  if [ "$proto" = udp ]; then
    generate "$outfile" run_udp "$who" "$port" "$DURATION" "$WARMUP"
  else
    generate /dev/null run_http "$who" "$port" "$WARMUP" # wrk has no warm-up of its own
    generate "$outfile" run_http "$who" "$port" "$DURATION"
  fi
  out="$(cat "$outfile")"
  m1="$(machine_ticks)"
  g1="$(children_ticks)"
  s1="$(threads_ticks "${pids[@]}")"
  [ "$who" = ours ] && [ -n "$REDIS_PID" ] && r1="$(cpu_ticks "$REDIS_PID")"
  t1="$(date +%s%N)"
  local secs server gen other
  secs="$(awk -v ns=$((t1 - t0)) 'BEGIN { print ns / 1e9 }')"
  server="$(pct $((s1 - s0)) "$secs")"
  gen="$(pct $((g1 - g0)) "$secs")"
  other="$(pct $((m1 - m0 - (s1 - s0) - (g1 - g0))) "$secs")"
  echo "$out" | grep -v '^RESULT' | sed 's/^/    /' || true
  local split=""
  [ "$who" = ours ] && [ -n "$REDIS_PID" ] &&
    split=" (JVM $(pct $((s1 - s0 - r1 + r0)) "$secs") + redis-server $(pct $((r1 - r0)) "$secs"))"
  echo "    CPU (% of one core): server $server$split, generator $gen, rest of the machine $other"
  local result
  result="$(grep '^RESULT ' <<<"$out" | tail -1 | sed 's/ gen_cpu_pct=[^ ]*//')"
  [ -n "$result" ] || result="RESULT label=$who proto=$proto rps=0 p50_ms=0 p99_ms=0 ok=0 errors=-1"
  echo "$result server_cpu_pct=$server gen_cpu_pct=$gen other_cpu_pct=$other" >>"$RESULTS"
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
  printf '%-16s %-5s %12s %9s %9s %8s %11s %8s %8s %8s\n' tracker proto announces/s p50_ms p99_ms errors \
    "with_peers%" "server%" "gen%" "others%"
  while read -r line; do
    local who
    who="$(field "$line" label)"
    [ "$who" = ours ] && who=tracker-service
    printf '%-16s %-5s %12s %9s %9s %8s %11s %8s %8s %8s\n' "$who" "$(field "$line" proto)" "$(field "$line" rps)" \
      "$(field "$line" p50_ms)" "$(field "$line" p99_ms)" "$(field "$line" errors)" \
      "$(field "$line" with_peers_pct)" "$(field "$line" server_cpu_pct)" "$(field "$line" gen_cpu_pct)" \
      "$(field "$line" other_cpu_pct)"
  done < <(grep ' proto=udp ' "$RESULTS"; grep ' proto=http ' "$RESULTS")
  echo
  for proto in udp http; do
    ours="$(grep "label=ours proto=$proto " "$RESULTS" | head -1)"
    theirs="$(grep "label=opentracker proto=$proto " "$RESULTS" | head -1)"
    awk -v p="$proto" -v a="$(field "$ours" rps)" -v b="$(field "$theirs" rps)" \
      -v la="$(field "$ours" p99_ms)" -v lb="$(field "$theirs" p99_ms)" 'BEGIN {
        if (b > 0) printf "%-4s ours / opentracker: %.2fx announces/s (goal >= 1.00x), p99 %s ms vs %s ms\n", p, a / b, la, lb
        else printf "%-4s opentracker measured nothing\n", p }'
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
}

# ------------------------------------------------------------------------------------------------------------ main
trap cleanup EXIT
trap 'exit 130' INT TERM
prepare
REDIS_PID="$(redis info server 2>/dev/null | sed -n 's/^process_id:\([0-9]*\).*/\1/p' | tr -d '\r')"
# Count Redis' CPU only when it runs on this machine.
case "$REDIS_HOST" in 127.0.0.1 | localhost) ;; *) REDIS_PID="" ;; esac
start_ours
start_opentracker
await_announces ours "$OUR_PORT"
await_announces opentracker "$OT_PORT"

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
profile_report
report
log "done in $((SECONDS - START)) s"
