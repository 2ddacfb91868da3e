#!/bin/sh
# Creates the service databases when they are missing, and, when given their passwords, one login role per service
# that owns its database. The one place that knows their names:
#   - infra/lib/common.sh (make run, make cluster) runs it against the machine's PostgreSQL (psql over TCP,
#     PGHOST/PGPORT/PGUSER/PGPASSWORD), after creating the login role on a stock Debian server if needed;
#     no *_DB_PASSWORD there, so the services keep using DB_USER (postgres) as before;
#   - docker-compose.yml mounts it into the postgres container's /docker-entrypoint-initdb.d (run once, on an empty
#     data volume, over the local socket as POSTGRES_USER), with every *_DB_PASSWORD set;
#   - on an operator's server (docs/deploy.md): run it once as the postgres superuser with the passwords set.
# Environment: DB_NAME_PREFIX (default animetracker) -> databases <prefix>_users, _torrents, _search, _notifications;
# USER_DB_PASSWORD, TORRENT_DB_PASSWORD, SEARCH_DB_PASSWORD, NOTIFICATION_DB_PASSWORD -> role <prefix>_<suffix>
# (the database's name) with that password, owner of the database (so Flyway may create its tables, and
# search-service and torrent-service the trusted extension pg_trgm). Re-running sets the passwords again (rotation).
set -eu

prefix="${DB_NAME_PREFIX:-animetracker}"
case "$prefix" in
  '' | *[!a-z0-9_]*)
    echo "create-databases.sh: DB_NAME_PREFIX must match [a-z0-9_]+ (got '$prefix')" >&2
    exit 2
    ;;
esac

export PGUSER="${PGUSER:-${POSTGRES_USER:-postgres}}"
export PGDATABASE=postgres

for suffix in users torrents search notifications; do
  db="${prefix}_${suffix}"
  case "$suffix" in
    users) password="${USER_DB_PASSWORD:-}" ;;
    torrents) password="${TORRENT_DB_PASSWORD:-}" ;;
    search) password="${SEARCH_DB_PASSWORD:-}" ;;
    notifications) password="${NOTIFICATION_DB_PASSWORD:-}" ;;
  esac
  if [ -n "$password" ]; then
    # psql interpolates :'password' (quoted as a literal) only in script input, hence the here-document.
    psql -X -q -v ON_ERROR_STOP=1 -v role="$db" -v password="$password" <<'SQL'
select format('create role %I login', :'role')
 where not exists (select 1 from pg_roles where rolname = :'role') \gexec
alter role :"role" with login nosuperuser nocreatedb nocreaterole password :'password';
SQL
  fi
  exists="$(psql -X -v ON_ERROR_STOP=1 -tAc "select 1 from pg_database where datname = '${db}'")"
  if [ "$exists" != "1" ]; then
    psql -X -q -v ON_ERROR_STOP=1 -c "create database \"${db}\""
    echo "created database ${db}"
  fi
  if [ -n "$password" ]; then
    psql -X -q -v ON_ERROR_STOP=1 -c "alter database \"${db}\" owner to \"${db}\"" \
      -c "revoke all on database \"${db}\" from public" \
      -c "grant connect, temporary on database \"${db}\" to \"${db}\""
    echo "role ${db} owns database ${db}"
  fi
done
