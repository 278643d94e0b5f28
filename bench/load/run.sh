#!/usr/bin/env bash
# Load runs of the example server on the load generator's 100-slot world, as issue 13 and the generator's README
# describe: build apwire.jar, copy the generator (shared/bench/load) to target/load and install its one dependency
# (ws, pinned by package-lock.json), then run every scenario RUNS times, each against a fresh server (the room must be
# fresh: login fails on a room whose locations are checked), the server pinned to one core and the generator to
# another, and write the medians (summarize.mjs) and the server CPU per delivered frame to target/load/summary.md.
#
#   bench/load/run.sh                          # everything, 3 runs each (about 20 minutes on a 2-core machine)
#   RUNS=1 SCENARIOS="login100 checks" bench/load/run.sh
#   ROOMS=1 RUNS=3 SCENARIOS=login100 bench/load/run.sh   # the same, against the many-rooms server (server --rooms)
#
# Scenarios: login100 login300 storage checks checks-notext chat idle.
# Environment (all optional):
#   RUNS=3              fresh-server runs per scenario
#   SCENARIOS="..."     a subset of the scenarios above, in order
#   SKIP_BUILD=1        use the existing examples/target/apwire.jar
#   LOAD_SRC=DIR        the load generator (default: the first of ../shared/bench/load, ../../shared/bench/load)
#   SERVER_CORE=0 GEN_CORE=1   the cores taskset pins the server and the generator to
#   JAVA_FLAGS="..."    the server JVM's flags (default: the recommended ones below)
#   SERVER_ARGS="..."   more arguments for the server, e.g. "--warmup room" or "--warmup none" (single-room server) to
#                       measure the resident memory of a server without the (socket) warm-up (examples/SERVER.md, idle memory)
#   SAVE=0              0: the server runs with --disable-save (the reference MultiServer.py saves on a timer, every
#                       600 s by default, so never within a run); 1: with its default save file beside the multiworld,
#                       removed before each start so that every room is fresh (the server then holds each step's
#                       frames until the save that must precede them is written; the save starts behind queued work)
#   ROOMS=0             1: drive the many-rooms server instead (MultiRoomServer): before each run a fresh rooms
#                       directory target/load/rooms gets the world as its one room (server --rooms DIR --create FILE),
#                       and the server starts as server --rooms DIR --default-room ID, so the generator's v1.0 clients
#                       reach that room without Join. The rooms server has no --disable-save: a room is saved after
#                       each change and holds the frames that show it until then (like SAVE=1); SAVE is ignored
#   CDS=1               build a class-data-sharing archive of the server's classes once and start every run with it
#   MAX_OTHER=0.25      summarize.mjs leaves out runs during which other processes used more than this many cores
#                       (raise it on a shared machine and say so next to the figures)
#
# Recommended JVM flags (JDK 17; bench/README.md has what was measured):
#   -XX:TieredStopAtLevel=1  C1 only. Pinned to one core, the JVM's C2 compiler threads run on the room's core; the
#                            load runs last seconds, too short for C2's code to repay its compile time: C1 alone
#                            cut the server's CPU per delivered frame about in half in login, checks and storage.
#                            (For a server that runs for hours, leave C2 on.)
#   -XX:+UseSerialGC         one core: no parallel GC threads competing with the room thread (the JVM picks it
#                            anyway when it sees one CPU).
#   a dynamic CDS archive    recorded once (-XX:ArchiveClassesAtExit), then -XX:SharedArchiveFile for every run;
#                            -XX:+AutoCreateSharedArchive needs JDK 19. It shortens class loading at startup; its
#                            effect was within the noise of this shared machine.
#   Not -XX:+AlwaysPreTouch or a large -Xms: a pre-touched heap hides the memory the idle scenario measures.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$ROOT"
RUNS=${RUNS:-3}
SCENARIOS=${SCENARIOS:-"login100 login300 storage checks checks-notext chat idle"}
SERVER_CORE=${SERVER_CORE:-0}
GEN_CORE=${GEN_CORE:-1}
MAX_OTHER=${MAX_OTHER:-0.25}
CDS=${CDS:-1}
SAVE=${SAVE:-0}
ROOMS=${ROOMS:-0}
LABEL=apwire; if [[ "$ROOMS" == 1 ]]; then LABEL=apwire-rooms; fi
JAVA_FLAGS=${JAVA_FLAGS:-"-XX:+UseSerialGC -XX:TieredStopAtLevel=1"}
JAR=$ROOT/examples/target/apwire.jar
OUT=$ROOT/target/load
RESULTS=$OUT/results

if [[ -z "${LOAD_SRC:-}" ]]; then
  for d in "$ROOT/../shared/bench/load" "$ROOT/../../shared/bench/load"; do
    if [[ -f "$d/load.mjs" ]]; then LOAD_SRC=$d; break; fi
  done
fi
[[ -n "${LOAD_SRC:-}" && -f "$LOAD_SRC/load.mjs" ]] || { echo "run.sh: no load generator found; set LOAD_SRC" >&2; exit 2; }
for tool in java node npm taskset; do
  command -v "$tool" >/dev/null || { echo "run.sh: $tool is missing" >&2; exit 2; }
done

# --- build and copy ------------------------------------------------------------------------------------------------
if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  echo "run.sh: building apwire.jar"
  mvn -B -ntp -q -pl examples -am -DskipTests package
fi
[[ -f "$JAR" ]] || { echo "run.sh: $JAR is missing" >&2; exit 2; }
rm -rf "$OUT"
mkdir -p "$ROOT/target"
cp -r "$LOAD_SRC" "$OUT"
chmod -R u+w "$OUT"
(cd "$OUT" && npm ci --no-audit --no-fund --loglevel=error)
mkdir -p "$RESULTS" "$OUT/logs"
WORLD_FILE=$OUT/world-100.archipelago

# --- one server ----------------------------------------------------------------------------------------------------
SERVER_PID=
PORT=
stop_server() {
  if [[ -n "$SERVER_PID" ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill -TERM "$SERVER_PID" 2>/dev/null || true
    for _ in $(seq 1 100); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  SERVER_PID=
}
trap stop_server EXIT

# start_server LOG [extra JVM flags...]: a fresh server on a free port, pinned; sets SERVER_PID and PORT
start_server() {
  local log=$1; shift
  local save_flag=--disable-save
  # a save left by the previous run would restore its checked locations: every room starts fresh
  rm -f "${WORLD_FILE%.archipelago}.apwsave"
  if [[ "$SAVE" == 1 ]]; then save_flag=; fi
  if [[ "$ROOMS" == 1 ]]; then
    # a fresh rooms directory with the world as its only room, served as the default room of v1.0 clients
    local rooms=$OUT/rooms id
    rm -rf "$rooms"; mkdir -p "$rooms"
    id=$(taskset -c "$SERVER_CORE" java -jar "$JAR" server --rooms "$rooms" --create "$WORLD_FILE" | tail -n 1) \
        || { echo "run.sh: server --rooms --create failed" >&2; return 1; }
    # shellcheck disable=SC2086
    taskset -c "$SERVER_CORE" java $JAVA_FLAGS "$@" -jar "$JAR" server --rooms "$rooms" --default-room "$id" \
        --host 127.0.0.1 --port 0 ${SERVER_ARGS:-} >"$log" 2>&1 &
  else
    # shellcheck disable=SC2086
    taskset -c "$SERVER_CORE" java $JAVA_FLAGS "$@" -jar "$JAR" server --multiworld "$WORLD_FILE" $save_flag --host 127.0.0.1 --port 0 \
        ${SERVER_ARGS:-} >"$log" 2>&1 &
  fi
  SERVER_PID=$!
  PORT=
  for _ in $(seq 1 600); do
    if ! kill -0 "$SERVER_PID" 2>/dev/null; then
      echo "run.sh: the server exited at startup:" >&2; cat "$log" >&2; SERVER_PID=; return 1
    fi
    PORT=$(grep -o -m1 'ws://[^ :]*:[0-9]*' "$log" | sed 's/.*://' || true)
    [[ -n "$PORT" ]] && return 0
    sleep 0.1
  done
  echo "run.sh: no startup line from the server within 60 s:" >&2; cat "$log" >&2; stop_server; return 1
}

# --- class data sharing: one server life through a short login run records the classes it loads ---------------------
CDS_FLAGS=()
if [[ "$CDS" == 1 ]]; then
  echo "run.sh: recording the class-data-sharing archive"
  if start_server "$OUT/logs/cds.log" -XX:ArchiveClassesAtExit="$OUT/apwire.jsa"; then
    taskset -c "$GEN_CORE" node "$OUT/load.mjs" --url "ws://127.0.0.1:$PORT" --world "$OUT/world-100.json" \
        --scenario login --quiet --out "$OUT/logs/cds-login.json" >/dev/null 2>&1 || true
    stop_server
  fi
  if [[ -f "$OUT/apwire.jsa" ]]; then CDS_FLAGS=(-XX:SharedArchiveFile="$OUT/apwire.jsa"); else echo "run.sh: no CDS archive; running without" >&2; fi
fi

# --- the scenarios -------------------------------------------------------------------------------------------------
scenario_args() {
  case $1 in
    login100) echo "--scenario login" ;;
    login300) echo "--scenario login --sockets-per-slot 3" ;;
    storage) echo "--scenario storage --duration 20" ;;
    checks) echo "--scenario checks" ;;
    checks-notext) echo "--scenario checks --notext" ;;
    chat) echo "--scenario chat --duration 8 --rates 10,20,50,100,200,300,400,500,700,1000" ;;
    idle) echo "--scenario idle" ;;
    *) echo "run.sh: unknown scenario $1" >&2; return 2 ;;
  esac
}

FAILED=()
for sc in $SCENARIOS; do
  args=$(scenario_args "$sc")
  for i in $(seq 1 "$RUNS"); do
    echo "run.sh: $sc run $i/$RUNS"
    if ! start_server "$OUT/logs/server-$sc-$i.log" "${CDS_FLAGS[@]}"; then FAILED+=("$sc-$i (server did not start)"); continue; fi
    # shellcheck disable=SC2086
    if ! taskset -c "$GEN_CORE" node "$OUT/load.mjs" --url "ws://127.0.0.1:$PORT" --world "$OUT/world-100.json" $args \
        --server-pid "$SERVER_PID" --label "$LABEL $sc" --out "$RESULTS/$sc-$i.json" --quiet >"$OUT/logs/load-$sc-$i.log" 2>&1; then
      FAILED+=("$sc-$i (see target/load/logs/load-$sc-$i.log)")
    fi
    stop_server
  done
done

# --- the summary ---------------------------------------------------------------------------------------------------
{
  if [[ "$ROOMS" == 1 ]]; then echo "# Load runs of the apwire example server, many-rooms mode (server --rooms, default room)"; else echo "# Load runs of the apwire example server"; fi
  echo
  echo "$(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown), $RUNS fresh-server run(s) per scenario;"
  echo "server pinned to core $SERVER_CORE, generator to core $GEN_CORE; server JVM flags: \`$JAVA_FLAGS ${CDS_FLAGS[*]:-}\`${SERVER_ARGS:+; server arguments: \`$SERVER_ARGS\`};"
  echo "$(java -version 2>&1 | sed -n 1p), node $(node --version), $(nproc) cores; summarize.mjs --max-other $MAX_OTHER."
  echo
  echo "## Server CPU per delivered frame and per delivered packet"
  echo
  if compgen -G "$RESULTS/*.json" >/dev/null; then node "$ROOT/bench/load/cpu-per-frame.mjs" "$RESULTS"/*.json; else echo "(no results)"; fi
  echo
  echo "## Figures (summarize.mjs)"
  if compgen -G "$RESULTS/*.json" >/dev/null; then node "$OUT/summarize.mjs" --max-other "$MAX_OTHER" "$RESULTS"/*.json; else echo "(no results)"; fi
  if ((${#FAILED[@]})); then
    echo
    echo "## Runs that did not complete"
    printf -- '- %s\n' "${FAILED[@]}"
  fi
} >"$OUT/summary.md"
echo "run.sh: wrote $OUT/summary.md"
((${#FAILED[@]} == 0))
