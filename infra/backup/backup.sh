#!/usr/bin/env bash
# make backup: one directory holding everything AnimeTracker cannot rebuild (docs/operations.md#backup-and-restore):
#   <db>.dump        pg_dump --format=custom of each service database (<prefix>_users, _torrents, _search,
#                    _notifications); _users holds the JWT signing keys (table signing_key), _torrents the .torrent
#                    files (torrent_file)
#   redis.keys       the authoritative Redis keys: the tracker's completed counters (trk{...}:d, no TTL), user-service's
#                    sessions/refresh tokens and the gateway's web sessions, each with its remaining TTL
#   storage.tar      the legacy .torrent storage directory (TORRENT_LEGACY_STORAGE_DIR; files not yet imported)
#   manifest.json    what was backed up from where, by which version; SHA256SUMS: a checksum of every file
# Written to BACKUP_DIR.partial and renamed when complete, so a directory without ".partial" is a whole backup.
#
# Environment (the dev stack's names, docs/conventions.md): DB_HOST DB_PORT DB_USER DB_PASSWORD DB_NAME_PREFIX
# REDIS_HOST REDIS_PORT REDIS_DATABASE REDIS_USERNAME REDIS_PASSWORD TORRENT_LEGACY_STORAGE_DIR, BACKUP_DIR
# (default var/backups/<UTC time>). DB_USER must be able to read every database (the superuser, or each owner).
set -Eeuo pipefail
LOG_TAG=backup
# shellcheck source=settings.sh
source "$(dirname "${BASH_SOURCE[0]}")/settings.sh"

BACKUP_DIR="${BACKUP_DIR:-$ROOT/var/backups/$(date -u +%Y%m%dT%H%M%SZ)}"
[ ! -e "$BACKUP_DIR" ] || die "$BACKUP_DIR exists already; give another BACKUP_DIR"
WORK="$BACKUP_DIR.partial"
rm -rf "$WORK"
mkdir -p "$WORK"
trap 'rm -rf "$WORK"; err "backup failed; nothing was kept"' ERR
start=$SECONDS

for suffix in "${DB_SUFFIXES[@]}"; do
  db="${DB_NAME_PREFIX}_${suffix}"
  pg env -u PGDATABASE psql -X -q -tAc 'select 1' -d "$db" >/dev/null 2>&1 || die "cannot connect to database $db on $DB_HOST:$DB_PORT as $DB_USER"
done

# Redis first, then the databases: a session or counter newer than its database row is harmless (sessions are
# checked against users' session_version; counts only grow), the other order could lose completions recorded after
# the dump. The four dumps run in parallel so they are taken within the same moment.
log "Redis $REDIS_HOST:$REDIS_PORT db $REDIS_DATABASE: ${REDIS_PATTERNS[*]}"
redis_keys=$(/usr/bin/python3 "$ROOT/infra/backup/redis_keys.py" dump "$WORK/redis.keys" "${REDIS_PATTERNS[@]}")

pids=()
for suffix in "${DB_SUFFIXES[@]}"; do
  db="${DB_NAME_PREFIX}_${suffix}"
  pg pg_dump --format=custom --compress=6 --no-password --file="$WORK/$suffix.dump" "$db" &
  pids+=($!)
done
for pid in "${pids[@]}"; do wait "$pid" || die "pg_dump failed (see above)"; done

storage="${TORRENT_LEGACY_STORAGE_DIR:-${STACK_DIR:-$ROOT/var/devstack}/storage}"
if [ -d "$storage" ]; then
  tar -C "$storage" -cf "$WORK/storage.tar" .
else
  tar -cf "$WORK/storage.tar" --files-from /dev/null
fi

owners=() facts=()
for suffix in "${DB_SUFFIXES[@]}"; do
  db="${DB_NAME_PREFIX}_${suffix}"
  owners+=("\"$suffix\": \"$(pg psql -X -tA -d "$db" -c "select pg_catalog.pg_get_userbyid(datdba) from pg_database where datname = current_database()")\"")
done
signing_keys=$(pg psql -X -tA -d "${DB_NAME_PREFIX}_users" -c 'select count(*) from signing_key where active' 2>/dev/null || echo null)
torrents=$(pg psql -X -tA -d "${DB_NAME_PREFIX}_torrents" -c 'select count(*) from torrent' 2>/dev/null || echo null)
accounts=$(pg psql -X -tA -d "${DB_NAME_PREFIX}_users" -c 'select count(*) from users' 2>/dev/null || echo null)
version="$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' "$ROOT/pom.xml" | sed -n 2p)"

cat >"$WORK/manifest.json" <<JSON
{
  "format": $BACKUP_FORMAT,
  "createdAt": "$(date -u +%Y-%m-%dT%H:%M:%SZ)",
  "animetrackerVersion": "$version",
  "dbNamePrefix": "$DB_NAME_PREFIX",
  "databases": [$(printf '"%s",' "${DB_SUFFIXES[@]}" | sed 's/,$//')],
  "owners": {$(IFS=,; echo "${owners[*]}")},
  "redisPatterns": [$(printf '"%s",' "${REDIS_PATTERNS[@]}" | sed 's/,$//')],
  "counts": {"redisKeys": $redis_keys, "activeSigningKeys": $signing_keys, "torrents": $torrents, "accounts": $accounts}
}
JSON
(cd "$WORK" && sha256sum -- *.dump redis.keys storage.tar manifest.json >SHA256SUMS)
trap - ERR
mv "$WORK" "$BACKUP_DIR"
log "backup complete in $((SECONDS - start)) s: $BACKUP_DIR ($(du -sh "$BACKUP_DIR" | cut -f1); $accounts accounts, $torrents torrents, $redis_keys Redis keys, $signing_keys signing key(s))"
echo "$BACKUP_DIR"
