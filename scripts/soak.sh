#!/usr/bin/env bash
# Crash soak (a long check to run by hand; not a test, not CI): scripts/soak.sh ROUNDS [ROWS] [SEED]
#
# Generates a ROWS-row manifest (default 20,000) and its inventory with SEED (default 1), plans
# it, starts `cabatch emulator` on 127.0.0.1 with a seeded fault storm (throttling, 5xx, lost
# answers, resets, SKIPPED versions, latency jitter) and runs `cabatch apply` against it,
# killing each run at a random moment (SIGKILL, or SIGINT, sometimes twice) and resuming it,
# ROUNDS times in all; a plan that finishes early is checked and a fresh one (seed SEED+1, …)
# takes the remaining rounds. After the last round the plan runs to completion. Each plan is
# then checked against the emulator's state file and request log (scripts/soak/check.py):
# every planned version deleted exactly once or never held, nothing else touched, nothing
# pending or failed, and the journal's states the emulator's. Prints a summary; exits 1 on
# any failure.
#
# Files go to a fresh bench-out/soak.XXXXXX, removed after a pass (kept after a failure, or
# with SOAK_KEEP=1). SOAK_TIMEOUT bounds the whole soak (default 600 s + 30 s a round).
# CABATCH_BIN soaks another cabatch binary instead of the release build.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ $# -lt 1 ] || [ $# -gt 3 ]; then
  echo "usage: scripts/soak.sh ROUNDS [ROWS] [SEED]" >&2
  exit 64
fi
ROUNDS=$1
ROWS=${2:-20000}
SEED=${3:-1}
for n in "$ROUNDS" "$ROWS" "$SEED"; do
  [[ $n =~ ^[0-9]+$ ]] || { echo "soak: ROUNDS, ROWS and SEED are whole numbers" >&2; exit 64; }
done
[ "$ROUNDS" -ge 1 ] && [ "$ROWS" -ge 1 ] || { echo "soak: ROUNDS and ROWS must be at least 1" >&2; exit 64; }

scripts/setup.sh
BIN=${CABATCH_BIN:-.build-release/release/cabatch}
if [ -z "${CABATCH_BIN:-}" ]; then  # up to date with the sources, or built now
  swift build -c release --product cabatch --scratch-path .build-release 2>&1 | grep -E 'error|Compiling cabatch|Build' || true
fi
[ -x "$BIN" ] || { echo "soak: $BIN is missing" >&2; exit 1; }

mkdir -p bench-out
WORK=$(mktemp -d bench-out/soak.XXXXXX)
PIDS=$WORK/pids
: >"$PIDS"

# Ends whatever the soak started and is still running: emulators get SIGTERM first (they
# write their state), anything left SIGKILL. Only pids the soak listed whose command line
# names this soak's directory, so a reused pid is never hit.
ours() { ps -o args= -p "$1" 2>/dev/null | grep -qF "$WORK/"; }
cleanup() {
  local pid live=()
  [ -f "$PIDS" ] || return 0
  while read -r pid; do
    [ -n "$pid" ] && ours "$pid" && live+=("$pid")
  done <"$PIDS"
  [ ${#live[@]} -gt 0 ] || return 0
  kill -TERM "${live[@]}" 2>/dev/null || true
  for _ in $(seq 1 50); do
    local left=()
    for pid in "${live[@]}"; do ours "$pid" && left+=("$pid"); done
    [ ${#left[@]} -gt 0 ] || return 0
    sleep 0.1
  done
  for pid in "${live[@]}"; do ours "$pid" && { kill -KILL "$pid" 2>/dev/null || true; }; done
  return 0
}
trap cleanup EXIT

status=0
timeout --signal=TERM --kill-after=30 "${SOAK_TIMEOUT:-$((600 + 30 * ROUNDS))}" \
  python3 scripts/soak/soak.py --cabatch "$BIN" --workdir "$WORK" --pids "$PIDS" \
    --rounds "$ROUNDS" --rows "$ROWS" --seed "$SEED" || status=$?
cleanup
if [ "$status" -eq 0 ] && [ "${SOAK_KEEP:-0}" != 1 ]; then
  rm -rf "$WORK"
else
  echo "soak: files kept in $WORK"
fi
exit "$status"
