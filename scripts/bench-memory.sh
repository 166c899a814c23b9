#!/usr/bin/env bash
# Memory benchmark (prints figures; not a test): peak RSS of `status` (with and without a
# journal), `apply --dry-run`, and `apply` against the emulator, fresh and then resumed over the
# journal it left, on a plan of VERSIONS versions (default 10,000,000), RUNS times each (default
# 1); each `apply` is stopped after APPLY_SECONDS (default 60). The plan streams, so each should
# stay well under 200 MiB.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
VERSIONS=${VERSIONS:-10000000}
RUNS=${RUNS:-1}
APPLY_SECONDS=${APPLY_SECONDS:-60}
BIN=${CABATCH_BIN:-.build-release/release/cabatch}
if [ -z "${CABATCH_BIN:-}" ]; then
  swift build -c release --product cabatch --scratch-path .build-release 2>&1 | grep -E 'error|Build' || true
fi
DIR=bench-out/memory-$VERSIONS-plan2
mkdir -p "$DIR"
if [ ! -s "$DIR/m.plan" ]; then
  "$BIN" generate --rows "$VERSIONS" --seed 1 -o "$DIR/m.jsonl.zst" >/dev/null
  "$BIN" plan "$DIR/m.jsonl.zst" -o "$DIR/m.plan" >/dev/null
fi
python3 scripts/bench/bench_memory.py --bin "$BIN" --plan "$DIR/m.plan" --manifest "$DIR/m.jsonl.zst" --runs "$RUNS" --apply-seconds "$APPLY_SECONDS"
