#!/usr/bin/env bash
# Builds a release of cabatch that needs nothing beyond glibc, and packs it into dist/:
#
#   cabatch-VERSION-linux-x86_64.tar.gz   the binary, README.md, LICENSE, THIRD-PARTY-NOTICES,
#                                         completions/ and man/cabatch.1
#   cabatch_DEBVERSION_amd64.deb          /usr/bin/cabatch, the man page and the completions
#                                         where Debian keeps them
#   SHA256SUMS                            of both
#
# The binary links the Swift runtime and Foundation statically (--static-swift-stdlib), and
# libzstd, jansson, zlib, libstdc++ and libgcc from their static archives, so that it needs
# only the C library (libc, libm, the dynamic loader). VERSION is `git describe` of HEAD
# without the `v` of the tag (0.2.0, or 0.2.0-3-g1a2b3c4 three commits after v0.2.0;
# 0.0.0-N-gHASH before the first v* tag; -dirty with uncommitted changes); `cabatch --version`
# shows it with the commit.
# The packing is deterministic: tar and deb members are sorted and carry the commit's time.
#
# Usage: scripts/release.sh [OUTDIR]     (default dist/; earlier release files there are replaced)
# Environment: JOBS=N limits build jobs; DEB_MAINTAINER="Name <address>" for the .deb's
# Maintainer field (default: the author of HEAD).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
out=${1:-dist}
build_path=.build-release

die() { echo "release: $*" >&2; exit 1; }
step() { echo "release: $*" >&2; }

[ "$(uname -s)-$(uname -m)" = Linux-x86_64 ] || die "builds linux-x86_64 releases only, on linux-x86_64 (this is $(uname -s)-$(uname -m))"
command -v git >/dev/null && git rev-parse --is-inside-work-tree >/dev/null 2>&1 \
  || die "needs git and a clone: the version comes from git describe"
# libzstd-dev, libjansson-dev and pkg-config; no Python peers (they are for tests).
CABATCH_SETUP_PYTHON=0 scripts/setup.sh
for tool in swift pkg-config dpkg-deb tar gzip sha256sum strip readelf objdump ldd; do
  command -v "$tool" >/dev/null || die "needs $tool"
done

# --- version ---------------------------------------------------------------------------------
git update-index -q --refresh || true
commit=$(git rev-parse HEAD)
if describe=$(git describe --tags --match 'v[0-9]*' --dirty 2>/dev/null); then
  version=${describe#v}
else
  version="0.0.0-$(git rev-list --count HEAD)-g$(git rev-parse --short=7 HEAD)"
  git diff-index --quiet HEAD -- || version+=-dirty
fi
[[ $version =~ ^[0-9][0-9A-Za-z.+~-]*$ ]] || die "cannot make a version of '$version' (from git describe)"
case $version in *-dirty) step "warning: the work tree has uncommitted changes; the version says so: $version" ;; esac
# Debian's order: 0.2.0-3-g1a2b3c4 -> 0.2.0+3.g1a2b3c4 (after 0.2.0); a pre-release tag's
# 1.0.0-rc1 -> 1.0.0~rc1 (before 1.0.0); -dirty -> +dirty / .dirty.
deb_version=$(sed -E -e 's/-([0-9]+)-g([0-9a-f]+)/+\1.g\2/' -e 's/-dirty$/.dirty/' -e 's/-/~/g' <<<"$version")
case $deb_version in *+*) ;; *.dirty) deb_version=${deb_version%.dirty}+dirty ;; esac
epoch=$(git log -1 --format=%ct HEAD)
export SOURCE_DATE_EPOCH=$epoch
step "version $version (deb $deb_version), commit $commit"

# --- build -----------------------------------------------------------------------------------
# SwiftPM links the system libraries with -lzstd -ljansson (their pkg-config files, which also
# put -L/usr/lib/x86_64-linux-gnu first), swift-nio-extras with -lz and the static Swift runtime
# with -lstdc++. A directory holding only the static archives of those four, searched first,
# makes each -l resolve to the .a: pkg-config files of our own (PKG_CONFIG_PATH comes before the
# system's) name it instead of the system's library directory, and -L given to the compiler
# driver puts it ahead of the driver's own directories. -static-libgcc takes the unwinder from
# libgcc_eh.a instead of libgcc_s.so.
static_dir=$root/$build_path/static-libs
rm -rf "$static_dir"
mkdir -p "$static_dir/pkgconfig"
# The toolchain's clang is the driver that links; it finds libstdc++.a where it finds libstdc++.so.
clang=$(dirname "$(readlink -f "$(command -v swift)")")/clang
for archive in /usr/lib/x86_64-linux-gnu/libzstd.a /usr/lib/x86_64-linux-gnu/libjansson.a \
               /usr/lib/x86_64-linux-gnu/libz.a "$("$clang" -print-file-name=libstdc++.a)"; do
  [ -f "$archive" ] || die "missing static archive $archive (from libzstd-dev, libjansson-dev, zlib1g-dev, libstdc++-12-dev)"
  ln -s "$archive" "$static_dir/"
done
for module in libzstd:zstd jansson:jansson; do
  printf 'Name: %s\nDescription: %s, linked statically\nVersion: %s\nLibs: -L%s -l%s\nCflags: %s\n' \
    "${module%%:*}" "${module%%:*}" "$(pkg-config --modversion "${module%%:*}")" "$static_dir" "${module##*:}" \
    "$(pkg-config --cflags "${module%%:*}")" >"$static_dir/pkgconfig/${module%%:*}.pc"
done
build_flags=(-c release --build-path "$build_path" --product cabatch --static-swift-stdlib -debug-info-format none
             -Xswiftc -L -Xswiftc "$static_dir" -Xswiftc -Xclang-linker -Xswiftc -static-libgcc)
[ -n "${JOBS:-}" ] && build_flags+=(-j "$JOBS")
step "PKG_CONFIG_PATH=$static_dir/pkgconfig swift build ${build_flags[*]}"
started=$SECONDS
PKG_CONFIG_PATH=$static_dir/pkgconfig CABATCH_BUILD_VERSION=$version CABATCH_BUILD_COMMIT=$commit \
  swift build "${build_flags[@]}"
step "built in $((SECONDS - started)) s"
built=$(swift build "${build_flags[@]}" --show-bin-path)/cabatch
# Without the symbol table (the dynamic symbols that the runtime's backtraces use remain).
binary=$root/$build_path/cabatch
strip -o "$binary" "$built"

# --- check the binary ------------------------------------------------------------------------
reported=$("$binary" --version)
[ "$reported" = "$version (commit $commit)" ] || die "the binary reports '$reported', not '$version (commit $commit)'"
# Only the C library and its companions may be loaded from the system.
needed=$(readelf -d "$binary" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p')
for lib in $needed; do
  case $lib in
    libc.so.6 | libm.so.6 | libdl.so.2 | libpthread.so.0 | librt.so.1 | libutil.so.1 | ld-linux-x86-64.so.2) ;;
    *) die "the binary needs $lib; only the C library may be linked dynamically" ;;
  esac
done
ldd_output=$(ldd "$binary")
if grep -Eq 'not found|libswift|libFoundation|libdispatch|libzstd|libjansson|libstdc\+\+|libgcc_s' <<<"$ldd_output"; then
  die "ldd shows a library that should be static:"$'\n'"$ldd_output"
fi
glibc=$(objdump -T "$binary" | grep -o 'GLIBC_[0-9.]*' | sed 's/GLIBC_//' | sort -uV | tail -1)

# --- stage -----------------------------------------------------------------------------------
# Only what an earlier release left in OUTDIR is replaced.
mkdir -p "$out"
rm -rf "$out/stage" "$out"/cabatch-*-linux-x86_64.tar.gz "$out"/cabatch_*_amd64.deb "$out/SHA256SUMS"
name=cabatch-$version-linux-x86_64
stage=$out/stage
tree=$stage/$name
mkdir -p "$tree/completions" "$tree/man"
install -m 0755 "$binary" "$tree/cabatch"
install -m 0644 README.md LICENSE "$tree/"
install -m 0644 completions/cabatch.bash completions/cabatch.zsh completions/cabatch.fish "$tree/completions/"
install -m 0644 man/cabatch.1 "$tree/man/"

# The notices of what the binary contains: the Swift runtime and Foundation, every package
# dependency, zstd, jansson and zlib (libstdc++ and libgcc come under the GCC runtime exception).
notices=$tree/THIRD-PARTY-NOTICES
{
  echo "The cabatch $version binary contains code from the following; their licences and notices follow."
  toolchain_license=$(dirname "$(dirname "$clang")")/share/swift/LICENSE.txt
  if [ -f "$toolchain_license" ]; then
    printf '\n==== Swift runtime and Foundation (swift.org) ====\n\n'; cat "$toolchain_license"
  fi
  for dep in "$build_path"/checkouts/*/; do
    for file in "$dep"LICENSE* "$dep"NOTICE*; do
      [ -f "$file" ] || continue
      printf '\n==== %s: %s ====\n\n' "$(basename "$dep")" "$(basename "$file")"; cat "$file"
    done
  done
  printf '\n==== zstd (Debian libzstd-dev) ====\n\n'; cat /usr/share/doc/libzstd-dev/copyright
  printf '\n==== jansson (Debian libjansson-dev) ====\n\n'; cat /usr/share/doc/libjansson-dev/copyright
  printf '\n==== zlib (Debian zlib1g-dev) ====\n\n'; cat /usr/share/doc/zlib1g-dev/copyright
} >"$notices"
chmod 0644 "$notices"

# Members sorted, owned by root, dated at the commit: the same commit gives the same bytes.
find "$stage" -exec touch --no-dereference --date=@"$epoch" {} +
tarball=$name.tar.gz
tar --sort=name --owner=0 --group=0 --numeric-owner --mtime=@"$epoch" --format=gnu -C "$stage" -cf - "$name" \
  | gzip -9n >"$out/$tarball"

# --- .deb ------------------------------------------------------------------------------------
deb_root=$stage/deb
doc=$deb_root/usr/share/doc/cabatch
install -D -m 0755 "$binary" "$deb_root/usr/bin/cabatch"
install -d "$deb_root/usr/share/man/man1" "$doc"
gzip -9n <man/cabatch.1 >"$deb_root/usr/share/man/man1/cabatch.1.gz"
install -D -m 0644 completions/cabatch.bash "$deb_root/usr/share/bash-completion/completions/cabatch"
install -D -m 0644 completions/cabatch.zsh "$deb_root/usr/share/zsh/vendor-completions/_cabatch"
install -D -m 0644 completions/cabatch.fish "$deb_root/usr/share/fish/vendor_completions.d/cabatch.fish"
install -m 0644 README.md "$doc/README.md"
gzip -9n <"$notices" >"$doc/THIRD-PARTY-NOTICES.gz"
cat >"$doc/copyright" <<EOF
Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
Upstream-Name: cabatch

Files: *
Copyright: the cabatch authors
License: Apache-2.0
 On Debian systems, the full text of the Apache License, Version 2.0 is in
 /usr/share/common-licenses/Apache-2.0.
 .
 The binary also contains the Swift runtime, Foundation, the Swift packages it
 depends on, zstd, jansson and zlib: their licences and notices are in
 /usr/share/doc/cabatch/THIRD-PARTY-NOTICES.gz.
EOF
chmod 0644 "$doc/copyright"
maintainer=${DEB_MAINTAINER:-$(git log -1 --format='%an <%ae>' HEAD)}
install -d "$deb_root/DEBIAN"
cat >"$deb_root/DEBIAN/control" <<EOF
Package: cabatch
Version: $deb_version
Architecture: amd64
Maintainer: $maintainer
Installed-Size: $(du -sk --exclude=DEBIAN "$deb_root" | cut -f1)
Depends: libc6 (>= $glibc)
Section: utils
Priority: optional
Description: batch operations for AWS CodeArtifact
 cabatch exports a CodeArtifact domain's inventory, selects what to clean up
 by retention rules that know each ecosystem's version order, plans the fewest
 requests, runs them concurrently at a safe rate, journals every answer so that
 an interrupted run resumes exactly, and writes reports. It includes a local
 CodeArtifact emulator for trying it out.
 .
 Built from commit $commit.
EOF
find "$deb_root" -exec touch --no-dereference --date=@"$epoch" {} +
deb=cabatch_${deb_version}_amd64.deb
dpkg-deb --root-owner-group -Zxz --build "$deb_root" "$out/$deb" >/dev/null

rm -rf "$stage"
(cd "$out" && sha256sum "$tarball" "$deb" >SHA256SUMS)

# --- summary ---------------------------------------------------------------------------------
echo "cabatch --version: $reported"
echo "binary: $(stat -c %s "$binary") bytes ($(stat -c %s "$built") before strip), needs glibc >= $glibc"
echo "ldd:"
sed 's/ (0x[0-9a-f]*)//' <<<"$ldd_output"
echo "$out/:"
(cd "$out" && ls -l --time-style=+ "$tarball" "$deb" SHA256SUMS | awk '{print "  " $5 "\t" $NF}')
cat "$out/SHA256SUMS"
