#!/usr/bin/env bash
# What `make test` needs before `./mvnw -B verify`:
#   - PostgreSQL and Redis reachable (started, or installed and started, by stack.sh infra-up; databases created);
#   - Debian chromium + chromium-driver for the browser tests (/usr/bin/chromium, /usr/bin/chromedriver);
#   - node + npm (Debian nodejs + npm unless present, infra/ci/ensure-node.sh): the gateway's build purges and precompresses its static files (issue 14);
#   - real BitTorrent tools that torrent tests build torrents with (mktorrent, transmission-create, libtorrent
#     for /usr/bin/python3) and the clients RealClientsIT seeds and downloads with (libtorrent, aria2c,
#     transmission-cli, qbittorrent-nox);
#   - the Kafka broker and GreenMail jars in var/ (system tests start a broker process through stack.sh);
#   - kubectl with kustomize v5 (deploy module builds deploy/k8s; infra/ci/ensure-kubectl.sh);
#   - promtool (Debian prometheus) for make check-static's rule tests; pg_dump/pg_restore and redis-cli for
#     make backup / make restore and BackupRestoreIT.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
"$ROOT/infra/ci/ensure-packages.sh" chromium chromium-driver mktorrent transmission-cli python3-libtorrent \
  aria2 qbittorrent-nox python3-yaml prometheus postgresql-client-15 redis-tools
"$ROOT/infra/ci/ensure-node.sh"
for f in /usr/bin/chromium /usr/bin/chromedriver; do
  [ -x "$f" ] || { echo "[test-prereqs] ERROR: $f is missing after installing chromium/chromium-driver" >&2; exit 1; }
done
"$ROOT/infra/ci/ensure-kubectl.sh" >/dev/null   # deploy module: kubectl kustomize (v5)
"$ROOT/infra/devstack/stack.sh" infra-up
"$ROOT/infra/devstack/stack.sh" prepare
for tool in mktorrent transmission-create transmission-cli aria2c qbittorrent-nox; do
  command -v "$tool" >/dev/null || { echo "[test-prereqs] ERROR: $tool is missing after installing its package" >&2; exit 1; }
done
/usr/bin/python3 -c 'import libtorrent' 2>/dev/null \
  || { echo "[test-prereqs] ERROR: /usr/bin/python3 cannot import libtorrent (python3-libtorrent)" >&2; exit 1; }
echo "[test-prereqs] ready: PostgreSQL, Redis, chromium $(/usr/bin/chromium --version 2>/dev/null | awk '{print $2}'), BitTorrent tools, Kafka/GreenMail jars"
