#!/usr/bin/env bash
# Every benchmark the README lists, one after another, then one table of their medians and
# ratios (prints figures; not a test). Each benchmark's whole output is kept in
# bench-out/bench-NAME.log. BENCHES picks some of them (default: all, in this order):
#   plan apply report emulator memory export
# Each takes its own variables (ROWS, RUNS, VERSIONS, …; see the scripts); this one passes them on.
set -uo pipefail
cd "$(dirname "$0")/.."
mkdir -p bench-out
BENCHES=${BENCHES:-plan apply report emulator memory export}
declare -A status
for name in $BENCHES; do
  log=bench-out/bench-$name.log
  echo "== $name (output in $log)"
  start=$(date +%s)
  case $name in
    plan) scripts/bench-plan.sh ;;
    apply) scripts/bench-apply.sh ;;
    report) scripts/bench-report.sh ;;
    emulator) scripts/bench-emulator.sh ;;
    memory) scripts/bench-memory.sh ;;
    export) scripts/bench-export.sh ;;
    *) echo "unknown benchmark $name" >&2; false ;;
  esac >"$log" 2>&1
  status[$name]=$?
  echo "   exit ${status[$name]} after $(( $(date +%s) - start )) s"
done

echo
echo "Summary (medians; ratios against the peer measured in the same run)"
summary() {  # name, then grep patterns for the lines worth keeping
  local name=$1; shift
  local log=bench-out/bench-$name.log
  [ -f "$log" ] || return 0
  echo "-- $name (exit ${status[$name]:-?})"
  local joined
  joined=$(IFS='|'; echo "$*")
  # One pass, so the lines keep the order the benchmark printed them in.
  grep -E "$joined" "$log" | sed 's/^/   /'

}
for name in $BENCHES; do
  case $name in
    plan) summary plan '^ +seconds' '^(zstd -dc|cabatch plan|python baseline) ' '^cabatch / baseline:' ;;
    apply) summary apply '^ +wall s' '^(cabatch|boto3)[^:]* +[0-9]' '^cabatch / boto3:' '^cabatch: .*successful requests/s' \
             '^(delete|archive|dispose) +[0-9]' '^versions/s against delete' ;;
    report) summary report '^journal:' '^median ' '^streaming / whole-plan replay:' ;;
    emulator) summary emulator '^median requests/s:' 'CPU µs per request, per run' ;;
    memory) summary memory '^plan ' '^median ' ;;
    export) summary export '^ +wall s' '^(cabatch|boto3 standard) +[0-9]' '^cabatch: .*requests/s against' ;;
  esac
done
failed=0
for name in $BENCHES; do [ "${status[$name]}" = 0 ] || failed=1; done
exit $failed
