#!/usr/bin/env bash
# Proves that the release runs without Swift: installs the .deb that scripts/release.sh made
# into a minimal Debian root (debootstrap --variant=minbase, no Swift anywhere) with dpkg -i and,
# inside a chroot, runs cabatch --version, generate, an emulator and a run against it, checks
# that the binary's libraries are only the C library's, then purges the package.
#
# Needs root (debootstrap, chroot, mount) and Debian's mirror the first time: the bootstrapped
# root is kept in .build-release-root/ and copied for every run, so later runs are quick and
# each starts from the same clean root.
#
# Usage: sudo scripts/test-release.sh [PACKAGE.deb]   (default: the one .deb in dist/)
# Environment: SUITE (default bookworm), MIRROR (default: the Debian mirror apt uses here,
# else http://deb.debian.org/debian).
set -euo pipefail
cd "$(dirname "$0")/.."

die() { echo "test-release: $*" >&2; exit 1; }
step() { echo "test-release: $*" >&2; }

[ "$(id -u)" -eq 0 ] || die "needs root (debootstrap, chroot and mount): sudo $0 $*"
deb=${1:-}
if [ -z "$deb" ]; then
  shopt -s nullglob
  debs=(dist/cabatch_*_amd64.deb)
  [ ${#debs[@]} -eq 1 ] || die "expected one dist/cabatch_*_amd64.deb (found ${#debs[@]}): run scripts/release.sh first, or name the .deb"
  deb=${debs[0]}
fi
[ -f "$deb" ] || die "no such package: $deb"
deb=$(readlink -f "$deb")

if ! command -v debootstrap >/dev/null; then
  step "installing debootstrap"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap >/dev/null \
    || { apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap >/dev/null; } \
    || die "cannot install debootstrap with apt-get"
fi

suite=${SUITE:-bookworm}
if [ -z "${MIRROR:-}" ]; then
  # The mirror apt already uses here (deb822 URIs: or one-line deb entries), else Debian's CDN.
  MIRROR=$( { sed -nE 's#^(URIs:[[:space:]]*|deb[[:space:]]+(\[[^]]*\][[:space:]]+)?)(https?://[^[:space:]]+/debian)/?([[:space:]].*)?$#\3#p' \
               /etc/apt/sources.list /etc/apt/sources.list.d/*.sources /etc/apt/sources.list.d/*.list 2>/dev/null || true; } \
           | head -1)
  MIRROR=${MIRROR:-http://deb.debian.org/debian}
fi

cache=$PWD/.build-release-root
base=$cache/$suite-minbase
work=$cache/run
mkdir -p "$cache"

# --- the clean root, made once ---------------------------------------------------------------
if [ ! -x "$base/bin/sh" ]; then
  step "bootstrapping a minimal $suite root from $MIRROR into $base (once)"
  rm -rf "$base.partial"
  if ! debootstrap --variant=minbase "$suite" "$base.partial" "$MIRROR" >"$cache/debootstrap.log" 2>&1; then
    tail -20 "$cache/debootstrap.log" >&2
    die "debootstrap could not make a $suite root from $MIRROR (log: $cache/debootstrap.log); without network access to a Debian mirror this test cannot run (set MIRROR=)"
  fi
  rm -rf "$base.partial/var/cache/apt/archives/"*.deb
  mv "$base.partial" "$base"
fi

# --- a fresh copy for this run ---------------------------------------------------------------
# The copy stays after the run, for a look at what happened; the next run replaces it.
cleanup() { mountpoint -q "$work/proc" 2>/dev/null && umount -l "$work/proc" || true; }
trap cleanup EXIT
cleanup
rm -rf "$work"
cp -a "$base" "$work"
mount -t proc proc "$work/proc"

in_root() { chroot "$work" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 "$@"; }

swift_files=$(in_root find / -xdev \( -name 'libswift*' -o -name 'libFoundation*' -o -name 'libdispatch*' -o -name 'swift*' -type d \) -print)
[ -z "$swift_files" ] || die "the root is not Swift-free:"$'\n'"$swift_files"

started=$SECONDS
step "dpkg -i $(basename "$deb")"
cp "$deb" "$work/tmp/"
in_root dpkg -i "/tmp/$(basename "$deb")"
rm -f "$work/tmp/$(basename "$deb")"

cat >"$work/tmp/release-check.sh" <<'SCRIPT'
set -eu
fail() { echo "FAIL: $*" >&2; exit 1; }

echo "== ldd /usr/bin/cabatch"
ldd /usr/bin/cabatch | tee /tmp/ldd.txt
! grep -q 'not found' /tmp/ldd.txt || fail "a library is missing"
sed -E 's/^[[:space:]]*//; s/[[:space:]].*//' /tmp/ldd.txt | while read -r lib; do
  case $lib in
    linux-vdso.so.1 | libc.so.6 | libm.so.6 | libdl.so.2 | libpthread.so.0 | librt.so.1 | libutil.so.1 | /lib64/ld-linux-x86-64.so.2) ;;
    *) fail "cabatch loads $lib, which is not the C library" ;;
  esac
done
[ -z "$(find / -xdev -name 'libswiftCore*' -print)" ] || fail "a Swift runtime is present"

echo "== the files the package installed"
for f in /usr/bin/cabatch /usr/share/man/man1/cabatch.1.gz /usr/share/bash-completion/completions/cabatch \
         /usr/share/zsh/vendor-completions/_cabatch /usr/share/fish/vendor_completions.d/cabatch.fish \
         /usr/share/doc/cabatch/copyright; do
  [ -f "$f" ] || fail "missing $f"
done
zcat /usr/share/man/man1/cabatch.1.gz | grep -q '^\.Dt CABATCH 1' || fail "the man page is not cabatch(1)"

echo "== cabatch --version"
cabatch --version
cabatch --help >/dev/null

mkdir -p /tmp/t && cd /tmp/t
echo "== cabatch generate"
cabatch generate --rows 500 --seed 7 -o m.jsonl --inventory-out inventory.jsonl

echo "== cabatch emulator"
: >emulator.out
cabatch emulator --inventory inventory.jsonl --state-out state.jsonl >emulator.out 2>emulator.err &
emulator=$!
trap 'kill "$emulator" 2>/dev/null || true' EXIT
url=
for _ in $(seq 300); do
  url=$(sed -n 's/^listening on \(http:\/\/127\.0\.0\.1:[0-9]*\).*/\1/p' emulator.out | head -1)
  [ -n "$url" ] && break
  kill -0 "$emulator" 2>/dev/null || { cat emulator.err >&2; fail "the emulator exited"; }
  sleep 0.1
done
[ -n "$url" ] || { cat emulator.err >&2; fail "the emulator did not say where it listens"; }
echo "$url"

echo "== cabatch run"
status=0
AWS_ACCESS_KEY_ID=AKIDEXAMPLE AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY AWS_REGION=us-east-1 \
  cabatch run m.jsonl --endpoint-url "$url" --yes --progress never --report report.md >run.out 2>run.err || status=$?
kill -TERM "$emulator"
wait "$emulator" || true
head -2 run.out
tail -1 run.out
[ "$status" -eq 0 ] || { cat run.err >&2; fail "cabatch run exited $status"; }

echo "== cabatch status"
cabatch status m.plan --output json | tee status.json
planned=$(sed -n 's/.*"planned":\([0-9]*\).*/\1/p' status.json)
grep -q "\"done\":$planned," status.json && grep -q '"pending":0,' status.json && grep -q '"failed":0,' status.json \
  || fail "not every planned version is done"
[ "$planned" -gt 0 ] || fail "nothing was planned"
# The emulator's own account (written on SIGTERM): every planned version deleted, once.
before=$(grep -c '"status":"Deleted"' inventory.jsonl || true)
after=$(grep -c '"status":"Deleted"' state.jsonl || true)
[ "$after" -eq $((before + planned)) ] || fail "the emulator holds $after deleted versions, not $((before + planned))"
! grep -Eq '"deletes":([2-9]|[1-9][0-9])' state.jsonl || fail "the emulator deleted a version twice"
echo "emulator: $after versions deleted, each once"
[ -s report.md ] || fail "no report"
echo "PASS"
SCRIPT
step "running cabatch in the chroot"
in_root /bin/sh /tmp/release-check.sh

step "dpkg --purge cabatch"
in_root dpkg --purge cabatch >/dev/null
[ ! -e "$work/usr/bin/cabatch" ] || die "dpkg --purge left /usr/bin/cabatch"
step "passed in $((SECONDS - started)) s (after the root was ready)"
