#!/usr/bin/env bash
# Runs cabatch's whole test suite: installs what it needs, builds, tests.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
swift build --build-tests
swift test --skip-build --parallel "$@"
