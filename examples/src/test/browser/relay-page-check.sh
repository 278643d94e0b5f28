#!/usr/bin/env bash
# Checks the relay's demo page in headless Chromium, driven by playwright-core (relay-interact.mjs): two pages
# connect back over WebSocket, show their own tokens, and see each other's property set and delete, message and
# close through the page's forms; then both screenshots must show a rendered page (png-check.py).
# Usage (from anywhere, after `mvn -DskipTests package`):
#   examples/src/test/browser/relay-page-check.sh [OUT_DIR]     (screenshots: OUT_DIR/relay-a.png, relay-b.png;
#                                                                 default examples/target)
# Installs what is missing: Debian's chromium (and nodejs + npm) with apt-get, playwright-core with `npm ci`
# from the committed package-lock.json (never a browser download). Exits non-zero with a FAIL line on failure.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
cd "$HERE/../../../.."
JAR=examples/target/apwire.jar
OUT=$(realpath -m "${1:-examples/target}")
# shellcheck source=../script-lib.sh
source "$HERE/../script-lib.sh"
[ -f "$JAR" ] || { echo "missing $JAR: run mvn -DskipTests package" >&2; exit 2; }
install_missing chromium=chromium node=nodejs npm=npm
need_node 20 playwright-core
npm_ci_once "$HERE" playwright-core PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
mkdir -p "$OUT"
rm -f "$OUT/relay-a.png" "$OUT/relay-b.png"
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
LOG=$(mktemp)
java -jar "$JAR" relay --port "$PORT" --host 127.0.0.1 >"$LOG" 2>&1 &
RELAY=$!
cleanup() { kill "$RELAY" 2>/dev/null || true; wait "$RELAY" 2>/dev/null || true; rm -f "$LOG"; }
trap cleanup EXIT
for _ in $(seq 1 100); do grep -q "page at" "$LOG" && break; sleep 0.2; done
grep -q "page at" "$LOG" || { echo "relay log:" >&2; cat "$LOG" >&2; fail "relay did not start"; }
timeout 120 node "$HERE/relay-interact.mjs" "http://127.0.0.1:$PORT/" "$OUT" \
  || { echo "relay log:" >&2; cat "$LOG" >&2; fail "browser interaction test (relay-interact.mjs)"; }
python3 "$HERE/png-check.py" "$OUT/relay-a.png" "$OUT/relay-b.png" || fail "screenshots do not show the page"
echo "OK: relay page in Chromium: tokens, property set/delete, message, close; screenshots $OUT/relay-{a,b}.png"
