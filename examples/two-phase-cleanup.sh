#!/usr/bin/env bash
# A reversible cleanup against the local emulator, in two phases:
#   export the domain → select all but the latest 2 of every package → archive them →
#   (someone complains: restore a few) → list what is still archived (cabatch outcomes) →
#   delete exactly those → one report of all three plans.
# Run from anywhere after `swift build`; CABATCH names another binary, OUT keeps the files.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${CABATCH:-$PWD/.build/debug/cabatch}
OUT=${OUT:-$(mktemp -d)}
mkdir -p "$OUT"
EMULATOR_PID=
trap '[ -n "$EMULATOR_PID" ] && kill "$EMULATOR_PID" 2>/dev/null; wait 2>/dev/null || true' EXIT

"$BIN" generate --rows 1500 --seed 11 -o "$OUT/unused.jsonl" --inventory-out "$OUT/domain.jsonl" > /dev/null
"$BIN" emulator --port 0 --inventory "$OUT/domain.jsonl" --state-out "$OUT/state.jsonl" > "$OUT/emulator.out" 2>&1 &
EMULATOR_PID=$!
for _ in $(seq 1 100); do grep -q '^listening on ' "$OUT/emulator.out" 2>/dev/null && break; sleep 0.1; done
URL=$(sed -n 's/^listening on //p' "$OUT/emulator.out" | head -1)
[ -n "$URL" ] || { cat "$OUT/emulator.out" >&2; exit 1; }
export AWS_ACCESS_KEY_ID=AKIDEXAMPLE AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY AWS_REGION=us-east-1
common=(--endpoint-url "$URL" --yes --progress never)

echo "== 1. export and select"
"$BIN" export --domain acme -o "$OUT/inventory.jsonl" --endpoint-url "$URL" --progress never | tail -1
"$BIN" select "$OUT/inventory.jsonl" --keep-latest 2 --status Published -o "$OUT/candidates.jsonl" | tail -1

echo "== 2. archive them (reversible)"
"$BIN" run "$OUT/candidates.jsonl" --operation archive -o "$OUT/archive.plan" "${common[@]}" --verify --output json > "$OUT/archive.json"

echo "== 3. five of them are still needed: restore them"
"$BIN" outcomes "$OUT/archive.plan" --state archived -o "$OUT/archived.jsonl"
head -5 "$OUT/archived.jsonl" > "$OUT/restore.jsonl"
"$BIN" run "$OUT/restore.jsonl" --operation restore -o "$OUT/restore.plan" "${common[@]}" --verify --output json > "$OUT/restore.json"

echo "== 4. later: delete exactly what is still archived"
# The archive plan's done versions, expecting Archived: the five restored ones are Published
# now, so the service refuses them (MISMATCHED_STATUS) and they are reported as changed.
"$BIN" outcomes "$OUT/archive.plan" --state done -o "$OUT/still-archived.jsonl"
"$BIN" run "$OUT/still-archived.jsonl" -o "$OUT/delete.plan" "${common[@]}" --verify --output json > "$OUT/delete.json"
"$BIN" status "$OUT/delete.plan"

echo "== 5. one report of both phases"
"$BIN" report "$OUT/archive.plan" "$OUT/restore.plan" "$OUT/delete.plan" -o "$OUT/cleanup-report.md"
sed -n '1,/^## By repository/p' "$OUT/cleanup-report.md" | sed '$d'

# The emulator's own record must agree: the five restored versions are Published, every other
# archived version is deleted, and nothing was deleted that was not archived first.
kill -USR1 "$EMULATOR_PID"; sleep 0.5
restored=$(grep -c . "$OUT/restore.jsonl")
archived=$(grep -c . "$OUT/archived.jsonl")
deleted=$(grep -c '"status":"Deleted"' "$OUT/state.jsonl" || true)
changed=$(sed -n 's/.*"changed":\([0-9]*\).*/\1/p' "$OUT/delete.json" | head -1)
echo "archived $archived, restored $restored, deleted $deleted, left alone as changed $changed"
[ "$deleted" -eq $((archived - restored)) ] && [ "$changed" -eq "$restored" ] || { echo "the emulator disagrees" >&2; exit 1; }
echo "The files are in $OUT."
