#!/usr/bin/env bash
# Throughput of `cabatch emulator` under a keep-alive client sending 100-version deletes.
#
#   scripts/bench-emulator.sh [RUNS] [SECONDS] [CONCURRENCY]
#
# Builds release, writes an inventory, starts `cabatch emulator` in its own process, runs
# `emulator-bench` against it RUNS times (a fresh emulator each run, so every run deletes), and
# prints each run's figures and the median requests/s. Figures, not a verdict.
set -euo pipefail
cd "$(dirname "$0")/.."

runs=${1:-5}
seconds=${2:-10}
concurrency=${3:-32}
packages=2000

swift build -c release --product cabatch >/dev/null
swift build -c release --product emulator-bench >/dev/null
bin=$(swift build -c release --show-bin-path)
work=$(mktemp -d)
emulator_pid=
cleanup() {
    if [[ -n $emulator_pid ]]; then kill "$emulator_pid" 2>/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT

"$bin/emulator-bench" --write-inventory "$work/inventory.jsonl" --packages $packages >/dev/null
rates=()
for run in $(seq "$runs"); do
    "$bin/cabatch" emulator --inventory "$work/inventory.jsonl" >"$work/emulator.out" 2>&1 &
    emulator_pid=$!
    for _ in $(seq 100); do
        grep -q '^listening on ' "$work/emulator.out" 2>/dev/null && break
        sleep 0.1
    done
    url=$(head -1 "$work/emulator.out" | awk '{print $3}')
    echo "run $run against $url"
    "$bin/emulator-bench" --url "$url" --seconds "$seconds" --concurrency "$concurrency" --packages $packages | tee "$work/run.txt"
    rates+=("$(awk '/^requests\/s:/ {print $2}' "$work/run.txt")")
    kill "$emulator_pid"
    wait "$emulator_pid" 2>/dev/null || true
    emulator_pid=
done
median=$(printf '%s\n' "${rates[@]}" | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}')
echo "requests/s per run: ${rates[*]}"
echo "median requests/s: $median"
