#!/usr/bin/env bash
# Throughput of `cabatch emulator` under a keep-alive client sending 100-version deletes.
#
#   scripts/bench-emulator.sh [RUNS] [SECONDS] [CONCURRENCY]
#
# Builds release, writes an inventory, starts `cabatch emulator` in its own process, runs
# `emulator-bench` against it RUNS times (a fresh emulator each run, so every run deletes), and
# prints each run's figures, the CPU time per request of the emulator process (from /proc) and of
# the client (its own rusage), which hold even when other work shares the cores, and the
# medians. Figures, not a verdict.
set -euo pipefail
cd "$(dirname "$0")/.."

runs=${1:-5}
seconds=${2:-10}
concurrency=${3:-32}
packages=2000

# The release build folder the other benchmarks share, so no second release build is made.
swift build -c release --scratch-path .build-release --product cabatch >/dev/null 2>&1
swift build -c release --scratch-path .build-release --product emulator-bench >/dev/null 2>&1
bin=$(swift build -c release --scratch-path .build-release --show-bin-path)
work=$(mktemp -d)
emulator_pid=
cleanup() {
    if [[ -n $emulator_pid ]]; then kill "$emulator_pid" 2>/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT

"$bin/emulator-bench" --write-inventory "$work/inventory.jsonl" --packages $packages >/dev/null
rates=()
cpus=()
clients=()
# utime + stime of a process, in clock ticks.
ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
hz=$(getconf CLK_TCK)
for run in $(seq "$runs"); do
    # The background job truncates its output file only once it runs: without this the wait
    # below could read the previous run's "listening on" line.
    rm -f "$work/emulator.out"
    "$bin/cabatch" emulator --inventory "$work/inventory.jsonl" >"$work/emulator.out" 2>&1 &
    emulator_pid=$!
    # Loading the inventory takes a few seconds on a busy machine.
    for _ in $(seq 600); do
        grep -q '^listening on ' "$work/emulator.out" 2>/dev/null && break
        sleep 0.1
    done
    url=$(head -1 "$work/emulator.out" | awk '{print $3}')
    if [[ -z $url ]]; then
        echo "the emulator did not start:" >&2
        cat "$work/emulator.out" >&2
        exit 1
    fi
    echo "run $run against $url (load average $(cut -d' ' -f1-3 /proc/loadavg))"
    before=$(ticks "$emulator_pid")
    "$bin/emulator-bench" --url "$url" --seconds "$seconds" --concurrency "$concurrency" --packages $packages | tee "$work/run.txt"
    after=$(ticks "$emulator_pid")
    requests=$(awk '/^requests:/ {print $2}' "$work/run.txt")
    cpu=$(awk -v t=$((after - before)) -v hz="$hz" -v n="$requests" 'BEGIN {printf "%.0f", t / hz / n * 1e6}')
    echo "emulator CPU per request: ${cpu} µs"
    rates+=("$(awk '/^requests\/s:/ {print $2}' "$work/run.txt")")
    cpus+=("$cpu")
    clients+=("$(awk '/^client CPU per request:/ {print $5}' "$work/run.txt")")
    kill "$emulator_pid"
    wait "$emulator_pid" 2>/dev/null || true
    emulator_pid=
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
echo "requests/s per run: ${rates[*]}"
echo "median requests/s: $(median "${rates[@]}")"
echo "emulator CPU µs per request, per run: ${cpus[*]}; median $(median "${cpus[@]}")"
echo "client CPU µs per request, per run: ${clients[*]}; median $(median "${clients[@]}")"
