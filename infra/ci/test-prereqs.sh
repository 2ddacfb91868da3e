#!/usr/bin/env bash
# What `make test` needs before `./mvnw -B verify`:
#   - PostgreSQL and Redis reachable (started, or installed and started, by stack.sh infra-up; databases created);
#   - Debian chromium + chromium-driver for the browser tests (/usr/bin/chromium, /usr/bin/chromedriver);
#   - the Kafka broker and GreenMail jars in var/ (system tests start a broker process through stack.sh).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
"$ROOT/infra/ci/ensure-packages.sh" chromium chromium-driver
for f in /usr/bin/chromium /usr/bin/chromedriver; do
  [ -x "$f" ] || { echo "[test-prereqs] ERROR: $f is missing after installing chromium/chromium-driver" >&2; exit 1; }
done
"$ROOT/infra/devstack/stack.sh" infra-up
"$ROOT/infra/devstack/stack.sh" prepare
echo "[test-prereqs] ready: PostgreSQL, Redis, chromium $(/usr/bin/chromium --version 2>/dev/null | awk '{print $2}'), Kafka/GreenMail jars"
