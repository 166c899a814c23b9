#!/usr/bin/env bash
# Generates a synthetic manifest with some bad lines, shows the rejects, plans the valid rows
# and summarises the plan. Run from the repository root after `swift build`.
set -euo pipefail
BIN=${CABATCH:-.build/debug/cabatch}
OUT=${1:-$(mktemp -d)}
mkdir -p "$OUT"

"$BIN" generate --rows 5000 --seed 7 --bad 13 -o "$OUT/inventory.jsonl.zst" --inventory-out "$OUT/full-inventory.jsonl.zst"
zstd -dc "$OUT/inventory.jsonl.zst" | head -3 || true

echo "--- without --skip-invalid: rejects, no plan (exit 1)"
"$BIN" plan "$OUT/inventory.jsonl.zst" -o "$OUT/cleanup.plan" --output text | head -8 || true
head -3 "$OUT/cleanup.plan.rejects.jsonl"

echo "--- with --skip-invalid: the valid rows, in 4 shards"
for i in 0 1 2 3; do
  "$BIN" plan "$OUT/inventory.jsonl.zst" -o "$OUT/cleanup-$i.plan" --skip-invalid --shard "$i/4" | grep '^Plan:'
done
"$BIN" plan "$OUT/inventory.jsonl.zst" -o "$OUT/cleanup.plan" --skip-invalid --output json | head -c 400; echo
echo "files in $OUT"
