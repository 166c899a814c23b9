#!/usr/bin/env bash
# The main job on the embedded default: starts the local CodeArtifact emulator seeded from the
# sample manifest (its inventory holds more versions than the manifest deletes), runs
# `cabatch run` on the sample manifest against it, and prints the deletion report.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
swift build --product cabatch 2>&1 | grep -E 'error|warning: |Build complete' || true
BIN=$PWD/.build/debug/cabatch
WORK=$(mktemp -d)
EMULATOR_PID=
cleanup() {
  [ -n "$EMULATOR_PID" ] && kill "$EMULATOR_PID" 2>/dev/null && wait "$EMULATOR_PID" 2>/dev/null
  rm -rf "$WORK"
}
trap cleanup EXIT

"$BIN" emulator --port 0 --seed-from manifests/sample.jsonl.zst --extra 200 \
  --state-out "$WORK/emulator-state.jsonl" > "$WORK/emulator.out" 2>&1 &
EMULATOR_PID=$!
for _ in $(seq 1 100); do
  grep -q '^listening on ' "$WORK/emulator.out" 2>/dev/null && break
  sleep 0.1
done
URL=$(sed -n 's/^listening on //p' "$WORK/emulator.out" | head -1)
[ -n "$URL" ] || { cat "$WORK/emulator.out" >&2; exit 1; }
echo "emulator: $URL (inventory: the sample manifest's 400 versions + 200 others)"

# The emulator accepts the AWS documentation's example key pair.
export AWS_ACCESS_KEY_ID=AKIDEXAMPLE AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY
# The plan, its journal and an HTML report stay in demo-out/ to look at afterwards.
mkdir -p demo-out
rm -f demo-out/sample.plan demo-out/sample.plan.journal
"$BIN" run manifests/sample.jsonl.zst -o demo-out/sample.plan \
  --endpoint-url "$URL" --region us-east-1 --yes --verify --report demo-out/report.html
