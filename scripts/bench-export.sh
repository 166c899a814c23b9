#!/usr/bin/env bash
# Export benchmark (prints figures; not a test): `cabatch export` against a boto3 paginator script
# (scripts/bench/export_peer_boto3.py), each against its own fresh `cabatch emulator` holding
# PACKAGES × VERSIONS versions (default 100,000 × 10) with reads throttled at THROTTLE requests/s
# (default 200), cabatch at --read-rate READ_RATE (default 200); RUNS runs each (default 1: one
# run of each takes some 9 minutes at 200 requests/s). Generated files go to bench-out/.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
BIN=${CABATCH_BIN:-.build-release/release/cabatch}
if [ -z "${CABATCH_BIN:-}" ]; then  # up to date with the sources, or built now
  swift build -c release --product cabatch --scratch-path .build-release 2>&1 | grep -E 'error|Compiling cabatch|Build' || true
fi
[ -x "$BIN" ] || { echo "bench-export: $BIN is missing" >&2; exit 1; }
mkdir -p bench-out
exec timeout --signal=TERM --kill-after=30 "${BENCH_TIMEOUT:-7200}" \
  python3 scripts/bench/bench_export.py --cabatch "$BIN" --workdir bench-out --runs "${RUNS:-1}" \
    --packages "${PACKAGES:-100000}" --versions "${VERSIONS:-10}" --throttle "${THROTTLE:-200}" \
    --read-rate "${READ_RATE:-200}" --concurrency "${CONCURRENCY:-16}"
