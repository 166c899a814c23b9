#!/usr/bin/env bash
# Fuzzes cabatch's readers and parsers with libFuzzer (and AddressSanitizer) for SECONDS each
# (default 60): the manifest line decoder against jansson, the plan reader, journal reading and
# replay, and the emulator's request handling (Benchmarks/Fuzz/Package.swift).
#
#   scripts/fuzz.sh [SECONDS]
#
# Builds the targets into .build-fuzz/ (release, instrumented), writes each target's seeds there
# from the repository's sample manifests (plans, journals and requests are made from them by the
# targets themselves), runs each target on its corpus (.build-fuzz/corpus/TARGET, kept between
# runs) and prints executions, executions per second, coverage and crashes per target. A crash or
# a disagreement stops its target; the input is kept in .build-fuzz/artifacts/TARGET/ and its log
# in .build-fuzz/logs/TARGET.log. Exits 1 when any target crashed.
set -euo pipefail

seconds="${1:-60}"
[[ "$seconds" =~ ^[0-9]+$ ]] || { echo "usage: scripts/fuzz.sh [SECONDS]" >&2; exit 2; }
cd "$(dirname "$0")/.."
out="$PWD/.build-fuzz"

swift build -c release --package-path Benchmarks/Fuzz --scratch-path "$out"
bin="$out/release"

# Temporary files of the targets stay in the build folder; Swift's own crash backtracer is off,
# so that libFuzzer and AddressSanitizer report crashes (the two together can hang).
export TMPDIR="$out/tmp" SWIFT_BACKTRACE=enable=no
rm -rf "$TMPDIR" "$out/seeds" "$out/logs"
mkdir -p "$TMPDIR" "$out/seeds" "$out/logs"

# target and the largest input it is given
targets=(manifest-decoder:4096 plan-reader:32768 journal-replay:8192 emulator-request:4096)
rows=()
crashed=0
for entry in "${targets[@]}"; do
    target="${entry%%:*}" max_len="${entry##*:}"
    seeds="$out/seeds/$target" corpus="$out/corpus/$target" artifacts="$out/artifacts/$target"
    log="$out/logs/$target.log"
    mkdir -p "$corpus" "$artifacts"
    "$bin/fuzz-$target" --write-seeds "$seeds" manifests/*.jsonl.zst >/dev/null 2>&1 \
        || { echo "fuzz-$target could not write its seeds" >&2; exit 1; }
    before=$(find "$artifacts" -type f | wc -l)
    echo "fuzzing $target for ${seconds}s ..." >&2
    status=0
    "$bin/fuzz-$target" -max_total_time="$seconds" -max_len="$max_len" -timeout=25 -print_final_stats=1 \
        -artifact_prefix="$artifacts/" "$corpus" "$seeds" >"$log" 2>&1 || status=$?
    after=$(find "$artifacts" -type f | wc -l)
    crashes=$((after - before))
    if (( status != 0 )) && (( crashes == 0 )); then crashes="?"; fi
    if (( status != 0 )); then crashed=1; fi

    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
    added=$(sed -n 's/^stat::new_units_added: *//p' "$log" | tail -1)
    cov_start=$(grep -m1 -o 'INITED cov: [0-9]*' "$log" | grep -o '[0-9]*$' || true)
    cov_end=$(grep -o 'cov: [0-9]*' "$log" | tail -1 | grep -o '[0-9]*$' || true)
    note=""
    if [[ "$target" == manifest-decoder ]]; then
        note=$(sed -n 's/^fast path: //p' "$log" | tail -1)
    fi
    if (( status != 0 )); then
        note="exit $status: $(grep -m1 -E 'DISAGREEMENT|ERROR: (AddressSanitizer|LeakSanitizer|libFuzzer)|Fatal error' "$log" | cut -c1-120)"
    fi
    rows+=("$target|${execs:-?}|${rate:-?}|${cov_start:-?} -> ${cov_end:-?}|${added:-?}|$crashes|$note")
done

printf '\n%-18s %12s %8s %16s %10s %8s  %s\n' target executions exec/s "coverage (edges)" "new units" crashes notes
for row in "${rows[@]}"; do
    IFS='|' read -r target execs rate cov added crashes note <<<"$row"
    printf '%-18s %12s %8s %16s %10s %8s  %s\n' "$target" "$execs" "$rate" "$cov" "$added" "$crashes" "$note"
done
echo "logs: .build-fuzz/logs/   crashing inputs: .build-fuzz/artifacts/TARGET/"
exit "$crashed"
