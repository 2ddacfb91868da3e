#!/usr/bin/env bash
# make bench-ui: Lighthouse (mobile) and repeat-view bytes of the web UI on the dev stack (issue 14).
# Installs the pinned npm tools into infra/bench/ui/node_modules (gitignored) when package-lock.json changed,
# starts the stack with `make up` unless BENCH_UI_URL points at a running one, seeds a few torrents, measures
# (bench.mjs), and stops the stack it started. Needs Debian's chromium (CHROME_PATH) and nodejs/npm.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
export CHROME_PATH="${CHROME_PATH:-/usr/bin/chromium}"
command -v node >/dev/null && command -v npm >/dev/null || { echo "bench-ui: needs node and npm (apt-get install nodejs npm)" >&2; exit 1; }
[ -x "$CHROME_PATH" ] || { echo "bench-ui: no chromium at $CHROME_PATH (apt-get install chromium)" >&2; exit 1; }

stamp="$here/node_modules/.installed-package-lock.json"
if ! cmp -s "$here/package-lock.json" "$stamp"; then
  (cd "$here" && npm ci --ignore-scripts --no-audit --no-fund)
  cp "$here/package-lock.json" "$stamp"
fi

url="${BENCH_UI_URL:-}"
if [ -z "$url" ]; then
  url="http://127.0.0.1:${GATEWAY_PORT:-8080}"
  trap 'make -C "$root" --no-print-directory down >/dev/null 2>&1 || true' EXIT
  make -C "$root" --no-print-directory up
fi
node "$here/bench.mjs" "$url"
