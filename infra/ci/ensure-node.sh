#!/usr/bin/env bash
# The gateway's build purges and precompresses its static files with node and npm (issue 14). A machine may
# already have them from another source than Debian's packages (NodeSource's nodejs bundles npm and conflicts
# with Debian's npm package), so the commands decide, and only a machine without them gets Debian's.
set -euo pipefail
if command -v node >/dev/null && command -v npm >/dev/null; then
  echo "[packages] present: node $(node --version), npm $(npm --version)"
  exit 0
fi
exec "$(dirname "${BASH_SOURCE[0]}")/ensure-packages.sh" nodejs npm
