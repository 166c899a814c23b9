#!/usr/bin/env bash
# Planner benchmark (prints figures; not a test): generates a ROWS-row manifest once
# (default 10,000,000), then runs `cabatch plan` (release build), `zstd -dc` and a Python
# baseline on it RUNS times each (default 3) and prints medians and ratios.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
ROWS=${ROWS:-10000000}
RUNS=${RUNS:-3}
swift build -c release --product cabatch --scratch-path .build-release 2>&1 | grep -E 'error|Compiling cabatch|Build' || true
BIN=.build-release/release/cabatch
mkdir -p bench-out
MANIFEST=bench-out/manifest-$ROWS.jsonl.zst
if [ ! -s "$MANIFEST" ]; then
  "$BIN" generate --rows "$ROWS" --seed 42 -o "$MANIFEST"
fi
python3 scripts/bench/bench_plan.py --cabatch "$BIN" --manifest "$MANIFEST" --rows "$ROWS" --runs "$RUNS" --workdir bench-out
