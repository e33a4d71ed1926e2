#!/usr/bin/env bash
# The benchmark harness: infonote against omindex and quest, side by side,
# in one run, on one generated corpus (scripts/bench.py says what is
# measured). Installs what it needs and builds the release preset first,
# unless --bin names the programs to measure.
#
#   scripts/bench.sh [--notes N] [--runs R] [--query-runs Q] [--jobs J]
#                    [--bin DIR] [--work DIR] [--out FILE] [--corpus DIR]
#
# Defaults: 20,000 notes, 3 runs of each indexing case, 21 of each query;
# the table goes to stdout and to WORK/bench.md (WORK defaults to
# $TMPDIR/infonote-bench).
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
given_bin=no
for arg in "$@"; do [[ $arg == --bin ]] && given_bin=yes; done
if [[ $given_bin == no ]]; then
    "$repo/scripts/setup.sh" release >&2
elif ! command -v omindex >/dev/null || ! command -v quest >/dev/null; then
    echo "bench.sh: omindex and quest are missing; run scripts/setup.sh first" >&2
    exit 1
fi
exec python3 "$repo/scripts/bench.py" "$@"
