#!/usr/bin/env bash
# Interop: archipelago.js (the TypeScript client, from npm, pinned by the committed package-lock.json) against the
# example server (archipelago-js.mjs):
#   1. `server` on the demo world: Alice and Bob log in, Bob checks a location and its item reaches its receiver,
#      a hint is created and seen, and a data storage value makes a round trip (Set with reply, SetNotify, Get);
#   2. `server --rooms DIR --default-room ID` with one room added by `--create`: archipelago.js (a v1.0 client: it
#      offers no subprotocol) logs in to the default room.
# Usage (from anywhere, after `mvn -DskipTests package`): examples/src/test/interop/archipelago-js-check.sh
# Installs what is missing: nodejs + npm with apt-get, the npm packages with `npm ci`. Exits non-zero with a FAIL line.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
cd "$HERE/../../../.."
JAR=examples/target/apwire.jar
WORLD=server/src/test/resources/multiworlds/pebble.archipelago
# shellcheck source=../script-lib.sh
source "$HERE/../script-lib.sh"
[ -f "$JAR" ] || { echo "missing $JAR: run mvn -DskipTests package" >&2; exit 2; }
[ -f "$WORLD" ] || fail "missing the multiworld fixture $WORLD"
install_missing node=nodejs npm=npm
need_node 18 archipelago.js
npm_ci_once "$HERE" "archipelago.js and ws"
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
TMP=$(mktemp -d)
PID=""
cleanup() {
  if [ -n "$PID" ]; then kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; fi
  rm -rf "$TMP"
}
trap cleanup EXIT
# Starts the server with the given arguments and waits for its "server:" line.
serve() {
  PORT=$(free_port)
  java -jar "$JAR" server --port "$PORT" --host 127.0.0.1 "$@" >"$TMP/log" 2>&1 &
  PID=$!
  for _ in $(seq 1 100); do grep -q "^server: Archipelago" "$TMP/log" && return 0; sleep 0.2; done
  cat "$TMP/log" >&2
  fail "server $* did not start"
}
stop() { kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; PID=""; }

serve
timeout 120 node "$HERE/archipelago-js.mjs" play "ws://127.0.0.1:$PORT" \
  || { echo "server log:" >&2; cat "$TMP/log" >&2; fail "archipelago.js play against the demo world"; }
stop

mkdir "$TMP/rooms"
ROOM=$(java -jar "$JAR" server --rooms "$TMP/rooms" --create "$WORLD" | tail -n 1)
[[ "$ROOM" =~ ^[2-9A-HJKMNP-Z]{4,8}$ ]] || fail "--create printed '$ROOM' as the room id"
serve --rooms "$TMP/rooms" --default-room "$ROOM"
timeout 60 node "$HERE/archipelago-js.mjs" login "ws://127.0.0.1:$PORT" \
  || { echo "server log:" >&2; cat "$TMP/log" >&2; fail "archipelago.js login against the default room $ROOM"; }
stop
echo "OK: archipelago.js: login, check, hint and data storage on the demo world; login to the --rooms default room $ROOM"
