#!/bin/sh
# Creates the service databases when they are missing. The one place that knows their names:
#   - infra/devstack/stack.sh runs it against the machine's PostgreSQL (psql over TCP, PGHOST/PGPORT/PGUSER/PGPASSWORD);
#   - docker-compose.yml mounts it into the postgres container's /docker-entrypoint-initdb.d (run once, on an empty
#     data volume, over the local socket as POSTGRES_USER).
# Environment: DB_NAME_PREFIX (default animetracker) -> <prefix>_users, _torrents, _search, _notifications.
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
  exists="$(psql -X -v ON_ERROR_STOP=1 -tAc "select 1 from pg_database where datname = '${db}'")"
  if [ "$exists" != "1" ]; then
    psql -X -q -v ON_ERROR_STOP=1 -c "create database \"${db}\""
    echo "created database ${db}"
  fi
done
