#!/usr/bin/env bash
# The main job on the embedded default: a whole cleanup against the local CodeArtifact emulator.
# The emulator is seeded with a generated domain (several repositories and formats, pre-releases,
# backported patches published after higher versions); then
#   cabatch export  lists domain acme into an inventory,
#   cabatch select  keeps the latest 3 versions of every package (in each ecosystem's order),
#   cabatch run     deletes the rest, journaled, and verifies it,
# and the report is printed, with the decisions for one package.
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

# Everything the demo writes stays in demo-out/ to look at afterwards.
OUT=demo-out
mkdir -p "$OUT"
rm -rf "$OUT"/inventory.jsonl.zst* "$OUT"/cleanup.* "$OUT"/decisions.jsonl "$OUT"/report.html

"$BIN" generate --rows 3000 --seed 7 -o "$WORK/unused.jsonl" --inventory-out "$WORK/domain.jsonl.zst" > /dev/null
"$BIN" emulator --port 0 --inventory "$WORK/domain.jsonl.zst" \
  --state-out "$WORK/emulator-state.jsonl" > "$WORK/emulator.out" 2>&1 &
EMULATOR_PID=$!
for _ in $(seq 1 100); do
  grep -q '^listening on ' "$WORK/emulator.out" 2>/dev/null && break
  sleep 0.1
done
URL=$(sed -n 's/^listening on //p' "$WORK/emulator.out" | head -1)
[ -n "$URL" ] || { cat "$WORK/emulator.out" >&2; exit 1; }
echo "emulator: $URL"

# The emulator accepts the AWS documentation's example key pair.
export AWS_ACCESS_KEY_ID=AKIDEXAMPLE AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY AWS_REGION=us-east-1

echo; echo "== cabatch export --domain acme"
"$BIN" export --domain acme -o "$OUT/inventory.jsonl.zst" --endpoint-url "$URL" --progress never

echo; echo "== cabatch select --keep-latest 3"
"$BIN" select "$OUT/inventory.jsonl.zst" --keep-latest 3 -o "$OUT/cleanup.jsonl.zst" --decisions "$OUT/decisions.jsonl"

echo; echo "== cabatch run (delete, verified)"
"$BIN" run "$OUT/cleanup.jsonl.zst" -o "$OUT/cleanup.plan" --endpoint-url "$URL" --yes --verify \
  --progress never --report "$OUT/report.html"

# The decisions for one package of a dozen or so versions: why each was kept or selected.
PACKAGE=$(sed -n 's/.*"repository":"\([^"]*\)".*"package":"\([^"]*\)".*/\1 \2/p' "$OUT/decisions.jsonl" | uniq -c \
  | awk '$1 >= 8 && $1 <= 16 && !found {print $3; found = 1}')
echo; echo "== decisions for package $PACKAGE (all of them are in $OUT/decisions.jsonl)"
grep "\"package\":\"$PACKAGE\"" "$OUT/decisions.jsonl" \
  | sed 's/.*"version":"\([^"]*\)".*"status":"\([^"]*\)".*"decision":"\([^"]*\)","reason":"\([^"]*\)".*/  \1\t\2\t\3\t\4/' | column -t
echo
echo "The inventory, manifest, decisions, plan, journal and an HTML report are in $OUT/."
