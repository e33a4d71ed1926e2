#!/usr/bin/env bash
# Regenerates the expected output of the golden notes in tests/golden from
# the current parser, so that a change shows up as a diff to review:
#
#   scripts/update-golden.sh [NAME...]      (default: every input)
#
# NAME is an input file name (layout-flattened.txt) or its stem
# (layout-flattened). For each input it writes NAME.expected.json (stdout of
# `infonote-index parse --format json NAME.EXT`, run inside tests/golden so
# paths and ids do not depend on the machine) and NAME.expected.stderr (the
# diagnostics). The program is $INFONOTE_INDEX, else the most recently built
# infonote-index under build/.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
golden="$repo/tests/golden"

program="${INFONOTE_INDEX:-}"
if [[ -z "$program" ]]; then
    program="$(ls -t "$repo"/build/*/bin/infonote-index "$repo"/build/*/indexer/infonote-index \
        2>/dev/null | head -n 1 || true)"
fi
if [[ -z "$program" || ! -x "$program" ]]; then
    echo "update-golden.sh: no infonote-index found; build first or set INFONOTE_INDEX" >&2
    exit 2
fi
# The program runs inside tests/golden, so a relative path must be resolved first.
program="$(cd "$(dirname "$program")" && pwd)/$(basename "$program")"

# The inputs: every file but the expected ones and READMEs, or those named.
inputs=()
if [[ $# -eq 0 ]]; then
    for f in "$golden"/*; do
        name="$(basename "$f")"
        [[ "$name" == *.expected.* || "$name" == README* ]] && continue
        inputs+=("$name")
    done
else
    for arg in "$@"; do
        arg="$(basename "$arg")"
        if [[ -f "$golden/$arg" ]]; then
            inputs+=("$arg")
            continue
        fi
        match=("$golden/$arg".*)
        found=""
        for f in "${match[@]}"; do
            [[ -f "$f" && "$(basename "$f")" != *.expected.* ]] && found="$(basename "$f")"
        done
        if [[ -z "$found" ]]; then
            echo "update-golden.sh: no input named $arg in $golden" >&2
            exit 2
        fi
        inputs+=("$found")
    done
fi

cd "$golden"
for input in "${inputs[@]}"; do
    stem="${input%.*}"
    status=0
    "$program" parse --format json "$input" >"$stem.expected.json" \
        2>"$stem.expected.stderr" || status=$?
    # 3 means the file was skipped as bad input, which some goldens test.
    if [[ $status -ne 0 && $status -ne 3 ]]; then
        echo "update-golden.sh: $input: infonote-index exited with status $status" >&2
        exit 1
    fi
done
echo "updated ${#inputs[@]} golden file(s) with $program; review with a diff" >&2
