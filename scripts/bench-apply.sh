#!/usr/bin/env bash
# Execution benchmark (prints figures; not a test): `cabatch run` against a boto3 peer
# (scripts/bench/apply_peer_boto3.py: per-package chunks of 100, ThreadPoolExecutor, one shared
# client), each against its own fresh `cabatch emulator` on 127.0.0.1 with the same inventory.
#   Scenario 1: faults off, ROWS1-row manifest (default 200,000), concurrency 16, RUNS runs
#               (default 3): versions/s and CPU seconds per 1,000 requests, with ratios.
#   Scenario 2: emulator throttling at 100 requests/s, 2% errors, 1% resets, ROWS2-row manifest
#               (default 50,000), cabatch --rate 100 vs boto3 `adaptive` and `standard`,
#               RUNS2 runs (default RUNS).
#   Scenario 3: the scenario-1 manifest as delete, archive and dispose plans, each against a
#               fresh emulator, interleaved: versions/s of each beside delete's.
# SCENARIOS=1, 2 or 3 (or a list) runs those. Generated files go to bench-out/.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
RUNS=${RUNS:-3}
RUNS2=${RUNS2:-$RUNS}
ROWS1=${ROWS1:-200000}
ROWS2=${ROWS2:-50000}
SCENARIOS=${SCENARIOS:-1,2,3}
# CABATCH_BIN measures another cabatch binary instead of the release build (no build then).
BIN=${CABATCH_BIN:-.build-release/release/cabatch}
if [ -z "${CABATCH_BIN:-}" ]; then  # up to date with the sources, or built now
  swift build -c release --product cabatch --scratch-path .build-release 2>&1 | grep -E 'error|Compiling cabatch|Build' || true
fi
[ -x "$BIN" ] || { echo "bench-apply: $BIN is missing" >&2; exit 1; }
mkdir -p bench-out
# Every tool run is bounded by --timeout; the whole benchmark by BENCH_TIMEOUT seconds.
exec timeout --signal=TERM --kill-after=30 "${BENCH_TIMEOUT:-5400}" \
  python3 scripts/bench/bench_apply.py --cabatch "$BIN" --workdir bench-out \
    --runs "$RUNS" --runs2 "$RUNS2" --rows1 "$ROWS1" --rows2 "$ROWS2" --scenarios "$SCENARIOS" \
    --timeout "${RUN_TIMEOUT:-1200}"
