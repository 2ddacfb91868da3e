#!/usr/bin/env bash
# Writes <module>/Dockerfile for the six services from infra/docker/Dockerfile.template.
#   infra/docker/generate-dockerfiles.sh          write them
#   infra/docker/generate-dockerfiles.sh --check  fail if any differs from the template (drift check)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
TEMPLATE="$ROOT/infra/docker/Dockerfile.template"
# module:management-port
SERVICES="gateway:8080 user-service:8081 torrent-service:8082 search-service:8083 tracker-service:8084 notification-service:8085"
rc=0
for entry in $SERVICES; do
  module="${entry%%:*}" port="${entry##*:}"
  extra_env="" extra_expose=""
  if [ "$module" = tracker-service ]; then
    extra_env=' \\\n    TRACKER_PORT=6969'
    extra_expose=' 6969/tcp 6969/udp'
  fi
  rendered="$(sed -e "s#@MODULE@#$module#g" -e "s#@PORT@#$port#g" -e "s#@EXTRA_ENV@#$extra_env#" \
    -e "s#@EXTRA_EXPOSE@#$extra_expose#" "$TEMPLATE")"
  target="$ROOT/$module/Dockerfile"
  if [ "${1:-}" = --check ]; then
    if [ "$rendered" != "$(cat "$target" 2>/dev/null)" ]; then
      echo "$module/Dockerfile differs from infra/docker/Dockerfile.template (run infra/docker/generate-dockerfiles.sh)" >&2
      rc=1
    fi
  else
    printf '%s\n' "$rendered" >"$target"
    echo "wrote $module/Dockerfile"
  fi
done
exit "$rc"
