#!/usr/bin/env bash
# Installs the Debian packages given as arguments when any is missing (apt-get update only then).
# Needs root for installing; otherwise fails naming the command to run.
set -euo pipefail
missing=()
for pkg in "$@"; do
  if [ "$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)" != "install ok installed" ]; then
    missing+=("$pkg")
  fi
done
if [ "${#missing[@]}" -eq 0 ]; then
  echo "[packages] present: $*"
  exit 0
fi
if [ "$(id -u)" != 0 ]; then
  echo "[packages] ERROR: missing Debian packages: ${missing[*]}" >&2
  echo "[packages] install them with: sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
# Packages such as opentracker or qbittorrent-nox ship services; never let their post-install start one (it could
# take a port the tests need, e.g. 6969). policy-rc.d exit 101 = "action forbidden"; removed again afterwards.
if [ ! -e /usr/sbin/policy-rc.d ]; then
  printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d
  chmod +x /usr/sbin/policy-rc.d
  trap 'rm -f /usr/sbin/policy-rc.d' EXIT
fi
echo "[packages] installing: ${missing[*]}"
apt-get update -q
apt-get install -y -q "${missing[@]}"
