# Shared by backup.sh and restore.sh (sourced): what a backup holds and how to reach it.
# shellcheck disable=SC2034
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
# shellcheck source=../lib/common.sh
source "$ROOT/infra/lib/common.sh"
BACKUP_FORMAT=1
DB_SUFFIXES=(users torrents search notifications)
DB_HOST="${DB_HOST:-127.0.0.1}"
DB_PORT="${DB_PORT:-5432}"
DB_NAME_PREFIX="${DB_NAME_PREFIX:-animetracker}"
export REDIS_HOST="${REDIS_HOST:-127.0.0.1}" REDIS_PORT="${REDIS_PORT:-6379}" REDIS_DATABASE="${REDIS_DATABASE:-0}"
# The Redis keys that are authoritative (nothing else holds them): the tracker's completed counters (docs/tracker-
# redis.md; its peers are not: clients re-announce), user-service's refresh tokens and session versions (its
# redis-key-prefix), the gateway's web sessions (animetracker.session.key-prefix). Rate-limit buckets and caches are
# left out.
read -r -a REDIS_PATTERNS <<<"${BACKUP_REDIS_PATTERNS:-trk{*:d user-service:* animetracker:session:*}"
db_credentials
pg() { PGHOST="$DB_HOST" PGPORT="$DB_PORT" PGUSER="$DB_USER" PGPASSWORD="$DB_PASSWORD" "$@"; }
