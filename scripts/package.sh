#!/usr/bin/env bash
# Builds the Debian package from the tree with CPack's DEB generator and
# checks it as a user gets it:
#   - lintian reports no errors (its warnings are shown);
#   - its Depends name the package of every shared library the programs
#     load (objdump's NEEDED, dpkg -S), and apt can resolve them on this
#     machine (apt-get --simulate: nothing is installed);
#   - unpacked into a scratch root (dpkg -x), both programs answer
#     --version, man -l renders both pages, and every example command of the
#     README runs: an index of corpus/ built by the unpacked infonote-index,
#     then each query against it, each with exit status 0 and some output.
#
#   scripts/package.sh [BUILD_DIR]
#
# The release tree: BUILD_DIR when given; else build/release when it was
# configured for /usr (a program finds its installed data under the prefix
# it was built for, so a /usr/local tree cannot be packaged); else
# build/package (the `package` preset), built on first use with -j$JOBS
# (default 2) and reused after. One run at a time per tree (flock): ctest's
# debug and asan runs share it.
#
# ctest runs this script (Package.deb, label "package"); `apt install
# ./build/package/infonote_*.deb` is then the real installation.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jobs="${JOBS:-2}"

if (($# > 0)); then
    build=$1
    cmake -S "$repo" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release \
        -DCMAKE_INSTALL_PREFIX=/usr -DINFONOTE_BUILD_TESTS=OFF >/dev/null
elif grep -qx 'CMAKE_INSTALL_PREFIX:PATH=/usr' "$repo/build/release/CMakeCache.txt" 2>/dev/null; then
    build=$repo/build/release
else
    build=$repo/build/package
    (cd "$repo" && cmake --preset package >/dev/null)
fi
mkdir -p "$build"
exec 9>"$build/package.lock"
flock 9

cmake --build "$build" -- -j"$jobs"
rm -f "$build"/infonote_*.deb
(cd "$build" && cpack -G DEB >/dev/null)
deb=$(ls "$build"/infonote_*.deb)
echo "package.sh: built $deb"

# lintian: errors fail the script; warnings are shown.
status=0
lintian --tag-display-limit 0 "$deb" >"$build/lintian.txt" 2>&1 || status=$?
cat "$build/lintian.txt"
if grep -q '^E:' "$build/lintian.txt" || ((status > 1)); then
    echo "package.sh: lintian reports errors (status $status)" >&2
    exit 1
fi

root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
dpkg -x "$deb" "$root"

# Depends: each library a program loads comes from a package it names.
depends=$(dpkg-deb -f "$deb" Depends)
echo "package.sh: Depends: $depends"
named=$(tr ',|' '\n\n' <<<"$depends" | sed 's/(.*)//; s/ //g')
missing=0
# Read whole, not through a pipe that stops at the first match: under
# pipefail a reader that stops early fails the writer with SIGPIPE.
ldcache=$(ldconfig -p)
for lib in $(objdump -p "$root"/usr/bin/infonote-* | awk '$1 == "NEEDED" {print $2}' | sort -u); do
    path=$(awk -v lib="$lib" '$1 == lib && /x86-64/ && !found {print $NF; found = 1}' <<<"$ldcache")
    owner=""
    for candidate in "$path" "$(readlink -f "$path")" "/usr$path"; do
        owner=$(dpkg -S "$candidate" 2>/dev/null | awk -F: 'NR == 1 {print $1}') && [[ -n $owner ]] && break
    done
    # The package itself, or a name it provides (libspdlog1.10 provides
    # libspdlog1.10-fmt9, which is what its shlibs file has us depend on).
    provided=""
    [[ -z $owner ]] ||
        provided=$(dpkg-query -W -f='${Provides}' "$owner" | tr ',' '\n' | sed 's/(.*)//; s/ //g')
    if [[ -z $owner ]] || ! grep -qxF -f <(printf '%s\n' "$owner" $provided) <<<"$named"; then
        echo "package.sh: $lib (${path:-not found}, package ${owner:-unknown}) is not in Depends" >&2
        missing=1
    fi
done
# Opened at run time, not linked: named in Depends all the same.
for opened in libxlsxwriter; do
    if ! grep -q "^$opened" <<<"$named"; then
        echo "package.sh: $opened (opened when a workbook is written) is not in Depends" >&2
        missing=1
    fi
done
((missing == 0)) || exit 1
if ((EUID == 0)); then
    apt-get install --simulate --no-install-recommends "$deb" >"$build/apt-simulate.txt" 2>&1 || {
        cat "$build/apt-simulate.txt" >&2
        echo "package.sh: apt cannot install the package here" >&2
        exit 1
    }
    echo "package.sh: apt-get --simulate: $(grep -c '^Inst ' "$build/apt-simulate.txt") to install"
fi

"$root/usr/bin/infonote-query" --version
"$root/usr/bin/infonote-index" --version
for page in infonote-query infonote-index; do
    rendered=$(LC_ALL=C MANWIDTH=80 man -l "$root/usr/share/man/man1/$page.1.gz" 2>&1)
    if ! grep -qE "^ +$page +- " <<<"$rendered" || ! grep -q -- '--version' <<<"$rendered"; then
        echo "package.sh: man -l $page.1.gz does not show its NAME and options:" >&2
        echo "$rendered" | head -n 20 >&2
        exit 1
    fi
    echo "package.sh: man -l $page.1.gz: $(grep -c '' <<<"$rendered") lines"
done

# The README's example commands, run by the unpacked programs (which read
# the unpacked data: /usr/share/infonote is not there in a scratch root).
export PATH="$root/usr/bin:$PATH" INFONOTE_DATA_DIR="$root/usr/share/infonote"
unset INFONOTE_DB
db="$root/infonote-db"
cd "$repo"
ran=0 matched=0
while IFS= read -r line; do
    command=$(sed -E 's/[[:space:]]+#[^"'\'']*$//; s/--db (infonote-db|D)( |$)/--db "$db"\2/' <<<"$line")
    # Exit status 1 is an answer ("nothing matched", with its total line).
    status=0
    out=$(eval "$command" 2>"$root/stderr") || status=$?
    if ((status > 1)) || [[ -z $out ]]; then
        echo "package.sh: README example failed (exit $status): $line" >&2
        cat "$root/stderr" >&2
        exit 1
    fi
    echo "package.sh: exit $status, $(grep -c '' <<<"$out") lines: $line"
    ran=$((ran + 1))
    ((status == 1)) || matched=$((matched + 1))
done < <(awk '/^```sh/ {in_sh = 1; next} /^```/ {in_sh = 0} in_sh && /^infonote-(index|query) /' README.md)
if ((ran < 10 || matched * 4 < ran * 3)); then
    echo "package.sh: $ran README examples found, $matched of them matched" >&2
    exit 1
fi
echo "package.sh: all good ($ran README examples, $matched matched)"
