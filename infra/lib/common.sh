# Functions shared by infra/devstack/stack.sh (`make run`) and infra/cluster/cluster.sh (`make cluster`): logging,
# detached processes with pid files, packages, the machine's PostgreSQL (including a stock Debian one), the GreenMail
# sink, the Maven-fetched jars and the service jars. Sourced, never run; the caller sets ROOT, STACK_DIR, PID_DIR,
# LOG_DIR, MARK (a -D flag on our JVMs' command lines), START_NS and the DB_*/SMTP_*/IMAP_* variables, and LOG_TAG.

# ------------------------------------------------------------------------------------------------------- utilities
log() { printf '[%s %s] %s\n' "${LOG_TAG:-stack}" "$(date +%H:%M:%S)" "$*"; }
err() { printf '[%s %s] ERROR: %s\n' "${LOG_TAG:-stack}" "$(date +%H:%M:%S)" "$*" >&2; }
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
  # Debian 12 ships no JDK 25 package; Temurin comes from Adoptium (apt repository or tarball).
  die "JDK 25 not found (looked for \$JAVA_HOME with 25+, /usr/lib/jvm/temurin-25-jdk-amd64, /usr/lib/jvm/java-25-openjdk*).
  Install Eclipse Temurin 25, either the Debian package temurin-25-jdk from the Adoptium apt repository
  (https://packages.adoptium.net/artifactory/deb, key https://packages.adoptium.net/artifactory/api/gpg/key/public;
  see https://adoptium.net/installation/linux/) or the tarball from https://adoptium.net/temurin/releases/?version=25
  unpacked e.g. to /usr/lib/jvm/temurin-25-jdk-amd64; then run again, or set JAVA_HOME=<the JDK directory>."
}

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
  case "$1" in redis | redis-*) expect="redis-server" ;; esac
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

# DB_USER/DB_PASSWORD: given in the environment, else the ones a fresh-machine set-up stored (below), else
# postgres/postgres (the trust/password set-ups of CI and docker-compose). Call once from the caller's config.
DB_CREDENTIALS_FILE="${DB_CREDENTIALS_FILE:-$ROOT/var/postgres/credentials}"
db_credentials() {
  DB_CREDENTIALS_GIVEN=0
  if [ -n "${DB_USER:-}${DB_PASSWORD:-}" ]; then
    DB_CREDENTIALS_GIVEN=1
  elif [ -r "$DB_CREDENTIALS_FILE" ]; then
    DB_USER="$(sed -n 's/^DB_USER=//p' "$DB_CREDENTIALS_FILE")"
    DB_PASSWORD="$(sed -n 's/^DB_PASSWORD=//p' "$DB_CREDENTIALS_FILE")"
  fi
  DB_USER="${DB_USER:-postgres}"
  DB_PASSWORD="${DB_PASSWORD:-postgres}"
}

# psql over TCP as DB_USER; its stderr goes to $LOG_DIR/postgres.log and into DB_LOGIN_ERROR.
db_login() {
  local rc
  DB_LOGIN_ERROR="$(PGHOST="$DB_HOST" PGPORT="$DB_PORT" PGUSER="$DB_USER" PGPASSWORD="$DB_PASSWORD" PGDATABASE=postgres \
    PGCONNECT_TIMEOUT=3 psql -X -q -tAc 'select 1' 2>&1 >/dev/null)" && rc=0 || rc=$?
  [ -z "$DB_LOGIN_ERROR" ] || printf '%s\n' "$DB_LOGIN_ERROR" >>"$LOG_DIR/postgres.log"
  return "$rc"
}
db_auth_refused() {
  case "$DB_LOGIN_ERROR" in
    *"authentication failed"* | *"no password supplied"* | *"does not exist"* | *"no pg_hba.conf entry"*) return 0 ;;
    *) return 1 ;;
  esac
}

# Runs psql as the postgres OS user over the local socket (peer authentication: a stock Debian server's only way in).
as_postgres_psql() {
  if is_root; then
    runuser -u postgres -- env PGPORT="$DB_PORT" psql -X -q -v ON_ERROR_STOP=1 -d postgres "$@"
  else
    sudo -n -u postgres env PGPORT="$DB_PORT" psql -X -q -v ON_ERROR_STOP=1 -d postgres "$@"
  fi
}
can_be_postgres() {
  id postgres >/dev/null 2>&1 || return 1
  is_root || sudo -n -u postgres true 2>/dev/null
}

# A stock Debian PostgreSQL (peer on the socket, scram-sha-256 on TCP, no password for the postgres role) refuses
# DB_USER's TCP login. Then, through the local socket as the postgres OS user, create the login role (with CREATEDB,
# so create-databases.sh can run as it over TCP) and hand it our databases. Without credentials from the
# environment the role is `animetracker` with a generated password, stored in $DB_CREDENTIALS_FILE (mode 600) and
# picked up by every later run; given credentials are used as they are and never overwrite an existing role's
# password.
provision_db_role() {
  local why="login to PostgreSQL at $DB_HOST:$DB_PORT as $DB_USER failed: ${DB_LOGIN_ERROR%%$'\n'*}"
  if ! is_local_host "$DB_HOST" || ! can_be_postgres; then
    die "$why
  Give working credentials (DB_USER=... DB_PASSWORD=... make run), or run as root (or with sudo rights for the
  postgres OS user) on the database host so the set-up can create a role through the local socket."
  fi
  local role="$DB_USER" password="$DB_PASSWORD" exists
  if [ "$DB_CREDENTIALS_GIVEN" = 0 ]; then
    role=animetracker
    password="$(od -An -tx1 -N24 /dev/urandom | tr -d ' \n')"
  fi
  log "PostgreSQL: $why"
  exists="$(as_postgres_psql -tA -v role="$role" <<<"select count(*) from pg_roles where rolname = :'role'")" ||
    die "psql as the postgres OS user over the local socket (port $DB_PORT) failed; is this the server's port?"
  if [ "$exists" = 1 ] && [ "$DB_CREDENTIALS_GIVEN" = 1 ]; then
    die "$why
  The role $role exists, so its password is not changed here: give its password in DB_PASSWORD, or unset
  DB_USER/DB_PASSWORD to let the set-up use its own role (animetracker, password stored in ${DB_CREDENTIALS_FILE#"$ROOT"/})."
  fi
  local verb="create" doing="creating the login role"
  [ "$exists" = 1 ] && verb="alter" doing="setting a new password for our role"
  log "PostgreSQL: $doing $role through the local socket as the postgres OS user"
  as_postgres_psql -v role="$role" -v pw="$password" <<<"$verb role :\"role\" login createdb password :'pw'" ||
    die "could not $verb the role $role as the postgres OS user"
  local suffix db
  for suffix in users torrents search notifications; do # databases made earlier by another role
    db="${DB_NAME_PREFIX}_${suffix}"
    as_postgres_psql -v role="$role" -v db="$db" >>"$LOG_DIR/postgres.log" 2>&1 <<'SQL' || true
select format('alter database %I owner to %I', :'db', :'role') where exists (select 1 from pg_database where datname = :'db')
\gexec
SQL
  done
  DB_USER="$role"
  DB_PASSWORD="$password"
  if [ "$DB_CREDENTIALS_GIVEN" = 0 ]; then
    mkdir -p "$(dirname "$DB_CREDENTIALS_FILE")"
    (
      umask 077
      printf 'DB_USER=%s\nDB_PASSWORD=%s\n' "$DB_USER" "$DB_PASSWORD" >"$DB_CREDENTIALS_FILE"
    )
    log "PostgreSQL: role $DB_USER ready; its password is in ${DB_CREDENTIALS_FILE#"$ROOT"/} (used by later runs)"
  else
    log "PostgreSQL: role $DB_USER ready with the given DB_PASSWORD"
  fi
  db_login || die "login as $DB_USER still fails after creating the role: ${DB_LOGIN_ERROR%%$'\n'*}
  (does pg_hba.conf allow host connections from $DB_HOST with scram-sha-256 or md5?)"
}

create_databases() {
  command -v psql >/dev/null || apt_install postgresql-client
  local i logged_in=0
  for i in $(seq 1 30); do # a cluster that just started may still be recovering
    if db_login; then
      logged_in=1
      break
    fi
    if db_auth_refused; then
      provision_db_role
      logged_in=1
      break
    fi
    sleep 0.5
  done
  [ "$logged_in" = 1 ] || die "PostgreSQL at $DB_HOST:$DB_PORT does not accept a login as $DB_USER: ${DB_LOGIN_ERROR%%$'\n'*}"
  if PGHOST="$DB_HOST" PGPORT="$DB_PORT" PGUSER="$DB_USER" PGPASSWORD="$DB_PASSWORD" PGCONNECT_TIMEOUT=3 \
    DB_NAME_PREFIX="$DB_NAME_PREFIX" sh "$ROOT/infra/postgres/create-databases.sh" >>"$LOG_DIR/postgres.log" 2>&1; then
    return 0
  fi
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

# ------------------------------------------------------------------------------------------------------------- Kafka
# Readiness: a Kafka ApiVersions request (v0) answered with our correlation id and error code 0. The broker only
# processes requests once it has started, so this means "ready", not just "port bound". No JVM needed; ~1 ms.
kafka_answers() { # [port, default $KAFKA_PORT]
  local reply port="${1:-$KAFKA_PORT}"
  reply="$(timeout 3 bash -c '
    exec 3<>/dev/tcp/127.0.0.1/'"$port"' || exit 1
    printf "\x00\x00\x00\x0c\x00\x12\x00\x00\x00\x00\x00\x2a\x00\x02sh" >&3
    head -c 10 <&3 | od -An -tx1' 2>/dev/null | tr -d ' \n')" || return 1
  [ "${reply:8:12}" = "0000002a0000" ]
}

# ------------------------------------------------------------------------------------------------ mail (GreenMail)
# MAIL_ID: the pid-file name (mail in the dev stack, mail-1 in the cluster).
launch_mail() {
  local id="${MAIL_ID:-mail}"
  fetch_lib greenmail "$GREENMAIL_LIB"
  if running_pid "$id" >/dev/null; then
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
  spawn "$id" "$LOG_DIR/$id.log" "$JAVA" -Xmx128m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC "$MARK" \
    -Dgreenmail.smtp.hostname=127.0.0.1 -Dgreenmail.smtp.port="$SMTP_PORT" \
    -Dgreenmail.imap.hostname=127.0.0.1 -Dgreenmail.imap.port="$IMAP_PORT" \
    -Dgreenmail.auth.disabled -jar "$jar"
  STARTED_NOW+=("$id")
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
    running_pid "${MAIL_ID:-mail}" >/dev/null || {
      tail -30 "$LOG_DIR/${MAIL_ID:-mail}.log" >&2
      die "GreenMail exited during start-up (log: $LOG_DIR/${MAIL_ID:-mail}.log)"
    }
    [ "$SECONDS" -lt "$deadline" ] || die "GreenMail did not open SMTP $SMTP_PORT / IMAP $IMAP_PORT within 30s"
    sleep 0.1
  done
  [ -n "${MAIL_LAUNCHED_NS:-}" ] && log "Mail sink: ready in $(secs "$(elapsed "$MAIL_LAUNCHED_NS")") s"
  return 0
}
start_mail() { if launch_mail; then await_mail; fi; }
service_db() {
  case "$1" in
    user-service) echo "${DB_NAME_PREFIX}_users" ;;
    torrent-service) echo "${DB_NAME_PREFIX}_torrents" ;;
    search-service) echo "${DB_NAME_PREFIX}_search" ;;
    notification-service) echo "${DB_NAME_PREFIX}_notifications" ;;
  esac
}
service_jar() { echo "$ROOT/$1/target/$1-0.1.0-SNAPSHOT.jar"; }

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
  # The gateway's build purges and precompresses its static files with Debian's node/npm (issue 14).
  "$ROOT/infra/ci/ensure-node.sh" >/dev/null ||
    die "the gateway build needs node and npm: sudo apt-get install -y nodejs npm"
  log "building the service jars: ./mvnw -B -q -DskipTests package -pl $modules -am"
  local t0
  t0="$(date +%s%N)"
  (cd "$ROOT" && ./mvnw -B -q -DskipTests -Dspotless.check.skip=true -Dcheckstyle.skip=true package -pl "$modules" -am) ||
    die "the build failed (run ./mvnw -B -DskipTests package to see why)"
  log "build done in $(secs "$(elapsed "$t0")") s"
}

service_healthy() {
  curl -fsS -m 2 "http://127.0.0.1:$1/actuator/health" 2>/dev/null | grep -q '"status":"UP"'
}

# await_healthy HEALTHY_FN PORT_FN ID... : waits until `HEALTHY_FN ID` succeeds for every ID (a process with a pid
# file of that name), and dies with its log when one exits or HEALTH_TIMEOUT passes. The dev stack and the cluster
# differ only in how an id maps to a port and a health path.
await_healthy() {
  local healthy="$1" port_of="$2" t0 deadline pending id port
  shift 2
  t0="$(date +%s%N)"
  deadline=$((SECONDS + HEALTH_TIMEOUT))
  pending=("$@")
  while [ "${#pending[@]}" -gt 0 ]; do
    local still=()
    for id in "${pending[@]}"; do
      port="$("$port_of" "$id")"
      if "$healthy" "$id"; then
        log "$id: UP on port $port after $(secs "$(elapsed "$t0")") s"
      elif ! running_pid "$id" >/dev/null; then
        err "$id exited during start-up; last lines of $LOG_DIR/$id.log:"
        tail -40 "$LOG_DIR/$id.log" >&2
        die "$id did not start"
      elif [ "$SECONDS" -ge "$deadline" ]; then
        err "$id is not healthy on port $port after ${HEALTH_TIMEOUT}s; last lines of $LOG_DIR/$id.log:"
        tail -40 "$LOG_DIR/$id.log" >&2
        die "$id did not become healthy"
      else
        still+=("$id")
      fi
    done
    pending=("${still[@]+"${still[@]}"}")
    [ "${#pending[@]}" -eq 0 ] || sleep 0.5
  done
}



# Prometheus file_sd targets (infra/prometheus/prometheus-devstack.yml reads them): one JSON file listing
# "service host:port" pairs given on stdin, each labelled with its service. Written atomically (Prometheus re-reads
# the file on change and must never see half of it).
write_prometheus_targets() { # file
  local file="$1" tmp first=1 service address
  tmp="$file.tmp.$$"
  {
    printf '['
    while read -r service address; do
      [ -n "$service" ] || continue
      [ "$first" = 1 ] || printf ','
      first=0
      printf '\n  {"targets": ["%s"], "labels": {"service": "%s"}}' "$address" "$service"
    done
    printf '\n]\n'
  } >"$tmp"
  mv -f "$tmp" "$file"
}
