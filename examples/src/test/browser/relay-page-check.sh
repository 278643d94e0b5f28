#!/usr/bin/env bash
# Checks the relay's demo page in headless Chromium: the page connects back over WebSocket and shows its own
# token. Usage (from the repository root, after `mvn -DskipTests package`):
#   examples/src/test/browser/relay-page-check.sh [screenshot.png]
# Installs Debian's chromium when it is missing. Exits non-zero when the page does not show a token.
set -euo pipefail
cd "$(dirname "$0")/../../../.."
JAR=examples/target/apwire.jar
SHOT=${1:-examples/target/relay-page.png}
[ -f "$JAR" ] || { echo "missing $JAR: run mvn -DskipTests package" >&2; exit 2; }
if ! command -v chromium >/dev/null; then
  apt-get update -qq && apt-get install -y -qq chromium >/dev/null
fi
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
LOG=$(mktemp)
java -jar "$JAR" relay --port "$PORT" >"$LOG" 2>&1 &
RELAY=$!
PROFILE=$(mktemp -d)
cleanup() { kill "$RELAY" 2>/dev/null || true; wait "$RELAY" 2>/dev/null || true; rm -rf "$PROFILE" "$LOG"; }
trap cleanup EXIT
for _ in $(seq 1 50); do grep -q "page at" "$LOG" && break; sleep 0.2; done
grep -q "page at" "$LOG" || { echo "relay did not start:" >&2; cat "$LOG" >&2; exit 1; }
FLAGS=(--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking
       --disable-component-update --disable-sync --virtual-time-budget=5000)
# Virtual time runs ahead of real network I/O on a busy machine: try a few times before failing.
TOKEN=""
for attempt in 1 2 3 4 5; do
  DOM=$(timeout 60 chromium "${FLAGS[@]}" --user-data-dir="$PROFILE/dom$attempt" --dump-dom "http://127.0.0.1:$PORT/" 2>/dev/null || true)
  TOKEN=$(printf '%s' "$DOM" | grep -o '<code id="me">[0-9a-f]\{32\}</code>' | grep -o '[0-9a-f]\{32\}' || true)
  [ -n "$TOKEN" ] && break
  echo "attempt $attempt: the page has not shown its token yet" >&2
  sleep 1
done
if [ -z "$TOKEN" ]; then
  echo "FAIL: the page does not show its own token" >&2
  printf '%s\n' "$DOM" | grep -E 'id="(me|status)"' >&2 || true
  exit 1
fi
printf '%s' "$DOM" | grep -q "<td>$TOKEN (you)</td>" || { echo "FAIL: own token missing from the table" >&2; exit 1; }
timeout 60 chromium "${FLAGS[@]}" --user-data-dir="$PROFILE/shot" --window-size=1000,700 \
  --screenshot="$(realpath -m "$SHOT")" "http://127.0.0.1:$PORT/" >/dev/null 2>&1
[ -s "$SHOT" ] || { echo "FAIL: no screenshot" >&2; exit 1; }
echo "OK: page shows token $TOKEN; screenshot $SHOT"
