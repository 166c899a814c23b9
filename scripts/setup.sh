#!/usr/bin/env bash
# Installs what cabatch needs to build, test and benchmark on a fresh Debian machine.
# Idempotent: quiet when everything is already present.
set -euo pipefail

need_apt=()
for pkg in libjansson-dev libzstd-dev zstd pkg-config; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || need_apt+=("$pkg")
done
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "setup: installing ${need_apt[*]}" >&2
  sudo_cmd=()
  [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  export DEBIAN_FRONTEND=noninteractive
  "${sudo_cmd[@]}" apt-get update -qq >/dev/null
  "${sudo_cmd[@]}" apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

# Python peers used by tests and benchmarks (boto3 conformance, botocore signing cross-check,
# the Python baseline of the planner benchmark).
if [ "${CABATCH_SETUP_PYTHON:-1}" = 1 ] && command -v python3 >/dev/null; then
  need_pip=()
  for mod in boto3:boto3 botocore:botocore zstandard:zstandard orjson:orjson; do
    python3 -c "import ${mod%%:*}" 2>/dev/null || need_pip+=("${mod##*:}")
  done
  # The AWS CLI, a client none of cabatch's code wrote, for the emulator's conformance test.
  command -v aws >/dev/null || need_pip+=(awscli)
  if [ ${#need_pip[@]} -gt 0 ]; then
    echo "setup: pip installing ${need_pip[*]}" >&2
    python3 -m pip install -q --disable-pip-version-check --root-user-action=ignore "${need_pip[@]}" >&2
  fi
fi
