#!/usr/bin/env bash
# Builds the Debian package from the tree with CPack's DEB generator, runs
# lintian on it (no errors allowed), unpacks it into a scratch root with
# dpkg -x, and runs the unpacked infonote-query --version and man -l on the
# unpacked pages.
#
#   scripts/package.sh [BUILD_DIR]     (default: build/package)
#
# Slow (a release build): kept out of ctest's default run.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${1:-$repo/build/package}"

cmake -S "$repo" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DCMAKE_INSTALL_PREFIX=/usr \
    -DINFONOTE_BUILD_TESTS=OFF >/dev/null
cmake --build "$build" -- -j"${JOBS:-2}"
(cd "$build" && cpack -G DEB >/dev/null)
deb=$(ls "$build"/infonote_*.deb | head -n1)
echo "package.sh: built $deb"

# lintian: errors fail the script; warnings are shown.
set +e
lintian --no-tag-display-limit "$deb" >"$build/lintian.txt" 2>&1
set -e
cat "$build/lintian.txt"
if grep -q '^E:' "$build/lintian.txt"; then
    echo "package.sh: lintian reports errors" >&2
    exit 1
fi

root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
dpkg -x "$deb" "$root"
"$root/usr/bin/infonote-query" --version
"$root/usr/bin/infonote-index" --version
for page in infonote-query infonote-index; do
    MANWIDTH=80 man -l "$root/usr/share/man/man1/$page.1.gz" | head -n 5
done
# The unpacked program reads the unpacked data when told where it is.
INFONOTE_DATA_DIR="$root/usr/share/infonote" "$root/usr/bin/infonote-query" __complete countries |
    grep -qx Kazakhstan
echo "package.sh: all good"
