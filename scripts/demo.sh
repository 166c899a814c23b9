#!/usr/bin/env bash
# The main job on the embedded default: plans the sample manifest.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
swift build --product cabatch 2>&1 | grep -E 'error|warning: |Compiling cabatch|Build complete' || true
BIN=.build/debug/cabatch
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
"$BIN" plan manifests/sample.jsonl.zst -o "$WORK/sample.plan"
