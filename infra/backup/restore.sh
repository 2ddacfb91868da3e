#!/usr/bin/env bash
# make restore BACKUP=<dir>: puts a backup made by backup.sh back (docs/operations.md#backup-and-restore). Refuses,
# before changing anything, a directory that is partial (".partial", no manifest), has a file missing or altered
# (SHA256SUMS), is of another format, or was taken with another DB_NAME_PREFIX (RESTORE_ALLOW_PREFIX=1 overrides), and
# refuses while a service is still connected to one of the databases (stop the services first).
# Then, per database: drop, create with the recorded owner, pg_restore in one transaction; the Redis keys matching
# the recorded patterns are replaced by the backup's; the legacy storage directory by storage.tar.
# After it: start the services, then `make reindex` (search-service's read model rebuilt from torrent-service).
# Environment: as backup.sh.
set -Eeuo pipefail
LOG_TAG=restore
# shellcheck source=settings.sh
source "$(dirname "${BASH_SOURCE[0]}")/settings.sh"

BACKUP="${1:-${BACKUP:-}}"
[ -n "$BACKUP" ] || die "usage: make restore BACKUP=<backup directory> (backups: ls var/backups)"
[ -d "$BACKUP" ] || die "$BACKUP is not a directory"
BACKUP="$(cd "$BACKUP" && pwd)"
case "$BACKUP" in *.partial) die "$BACKUP is an unfinished backup (its backup.sh did not complete)" ;; esac
for f in manifest.json SHA256SUMS redis.keys storage.tar; do
  [ -f "$BACKUP/$f" ] || die "$BACKUP is incomplete: $f is missing"
done
field() { /usr/bin/python3 -c 'import json,sys; v=json.load(open(sys.argv[1]))
for k in sys.argv[2].split("."): v=v[k]
print(" ".join(v) if isinstance(v, list) else v)' "$BACKUP/manifest.json" "$1"; }
[ "$(field format)" = "$BACKUP_FORMAT" ] || die "$BACKUP has backup format $(field format); this restore reads $BACKUP_FORMAT"
read -r -a databases <<<"$(field databases)"
[ "${databases[*]}" = "${DB_SUFFIXES[*]}" ] || die "$BACKUP holds the databases ${databases[*]}, expected ${DB_SUFFIXES[*]}"
for suffix in "${DB_SUFFIXES[@]}"; do
  [ -f "$BACKUP/$suffix.dump" ] || die "$BACKUP is incomplete: $suffix.dump is missing"
  grep -q " $suffix.dump\$" "$BACKUP/SHA256SUMS" || die "$BACKUP/SHA256SUMS has no checksum for $suffix.dump"
done
(cd "$BACKUP" && sha256sum --check --quiet --strict SHA256SUMS) ||
  die "$BACKUP does not match its checksums (SHA256SUMS): a file was changed, truncated or swapped"
backup_prefix="$(field dbNamePrefix)"
if [ "$backup_prefix" != "$DB_NAME_PREFIX" ] && [ "${RESTORE_ALLOW_PREFIX:-0}" != 1 ]; then
  die "$BACKUP was taken from the ${backup_prefix}_* databases, this restore would write ${DB_NAME_PREFIX}_*;
  set DB_NAME_PREFIX=$backup_prefix, or RESTORE_ALLOW_PREFIX=1 to restore into ${DB_NAME_PREFIX}_* on purpose"
fi
for suffix in "${DB_SUFFIXES[@]}"; do
  pg pg_restore --list "$BACKUP/$suffix.dump" >/dev/null || die "$BACKUP/$suffix.dump is not a readable pg_dump archive"
done
read -r -a patterns <<<"$(field redisPatterns)"

# Nobody may write while the databases are swapped: a service still connected would keep its old view.
names="$(for s in "${DB_SUFFIXES[@]}"; do printf "'%s_%s'," "$DB_NAME_PREFIX" "$s"; done | sed 's/,$//')"
busy="$(pg psql -X -tA -d postgres -c "select datname || ' (' || count(*) || ')' from pg_stat_activity
  where datname in ($names) and pid <> pg_backend_pid() group by datname")"
[ -z "$busy" ] || die "connections are open to: $(echo "$busy" | tr '\n' ' ')- stop the services first (make down, or scale them to 0)"

start=$SECONDS
log "restoring $BACKUP ($(field createdAt), version $(field animetrackerVersion)) into ${DB_NAME_PREFIX}_*"
for suffix in "${DB_SUFFIXES[@]}"; do
  db="${DB_NAME_PREFIX}_${suffix}"
  owner="$(field "owners.$suffix")"
  pg psql -X -q -v ON_ERROR_STOP=1 -d postgres -v db="$db" -v owner="$owner" <<'SQL'
select format('drop database if exists %I', :'db') \gexec
select format('create database %I owner %I', :'db', :'owner') \gexec
SQL
  pg pg_restore --no-password --exit-on-error --single-transaction --dbname="$db" "$BACKUP/$suffix.dump"
  log "  $db restored (owner $owner)"
done

keys=$(/usr/bin/python3 "$ROOT/infra/backup/redis_keys.py" restore "$BACKUP/redis.keys" "${patterns[@]}")
log "  Redis $REDIS_HOST:$REDIS_PORT db $REDIS_DATABASE: $keys keys restored (${patterns[*]})"

storage="${TORRENT_LEGACY_STORAGE_DIR:-${STACK_DIR:-$ROOT/var/devstack}/storage}"
rm -rf "$storage"
mkdir -p "$storage"
tar -C "$storage" -xf "$BACKUP/storage.tar"
log "restore complete in $((SECONDS - start)) s; start the services, then run make reindex"
