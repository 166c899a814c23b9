#!/usr/bin/env bash
# Report benchmark (prints figures; not a test): builds a plan of VERSIONS versions (default
# 1,000,000) and a journal answering all of it once, then makes every report format from them
# RUNS times (default 3) the way `cabatch report` does (streaming) and from one replay of the
# whole plan in memory, alternately, and prints medians of time and peak memory, and ratios.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
VERSIONS=${VERSIONS:-1000000}
RUNS=${RUNS:-3}
swift build -c release --product report-benchmark --scratch-path .build-release 2>&1 | grep -E 'error|Compiling report|Build' || true
BIN=.build-release/release/report-benchmark
# Named by the plan format version: a plan kept from an older cabatch would be refused.
DIR=bench-out/report-$VERSIONS-plan2
if [ ! -s "$DIR/bench.plan.journal" ]; then
  "$BIN" build "$DIR" "$VERSIONS"
fi
python3 scripts/bench/bench_report.py --bin "$BIN" --dir "$DIR" --runs "$RUNS"
