#!/usr/bin/env bash
# Side-by-side timing of incremental re-indexing: infonote-index update
# against omindex (Debian's xapian-omega) re-run over the same files.
#
#   scripts/bench_update.sh [--notes N] [--runs R] [--work DIR]
#
# Generates N notes (default 20000) with scripts/generate_notes.py, indexes
# them once with each tool, then times R runs (default 5) of each case, in
# turn, and prints medians with the ratio infonote / omindex:
#   no-op     nothing changed since the last run
#   1% edit   1% of the notes rewritten (new content, new mtime)
#   1% touch  1% of the notes with a new mtime only
# Whole-process wall time; both tools see exactly the same files.
set -euo pipefail

notes=20000
runs=5
work="${TMPDIR:-/tmp}/infonote-bench-update"
while (($# > 0)); do
    case "$1" in
        --notes) notes="$2"; shift 2 ;;
        --runs) runs="$2"; shift 2 ;;
        --work) work="$2"; shift 2 ;;
        *) echo "bench_update.sh: unknown argument $1" >&2; exit 2 ;;
    esac
done

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if ! command -v omindex >/dev/null; then
    echo "bench_update.sh: installing xapian-omega for omindex" >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq xapian-omega >&2
fi
"$repo/scripts/setup.sh" release >&2
index="$repo/build/release/bin/infonote-index"

rm -rf "$work"
mkdir -p "$work"
python3 "$repo/scripts/generate_notes.py" --count "$notes" --seed 7 --out "$work/corpus" --quiet
rm -f "$work/corpus/ground_truth.jsonl"

omindex_run() { omindex --db "$work/omega" --url / "$work/corpus" -Mmd:text/plain >/dev/null 2>&1; }
infonote_run() { "$index" update "$work/corpus" --db "$work/infonote" --no-progress >/dev/null 2>&1 || true; }

seconds() {  # seconds COMMAND...: wall time of one run
    local start end
    start=$(date +%s.%N)
    "$@"
    end=$(date +%s.%N)
    awk -v s="$start" -v e="$end" 'BEGIN { printf "%.3f\n", e - s }'
}

median() { sort -g | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }

# Picks 1% of the note files, differently each run.
sample() { find "$work/corpus" -type f | sort | awk -v n="$notes" -v r="$1" 'NR % 100 == r % 100'; }

echo "initial index: omindex $(seconds omindex_run) s, infonote build $(seconds "$index" build "$work/corpus" --db "$work/infonote" --no-progress) s" >&2

declare -A times
for ((r = 1; r <= runs; r++)); do
    times[noop_omindex]+="$(seconds omindex_run) "
    times[noop_infonote]+="$(seconds infonote_run) "

    while read -r f; do echo "Revision $r of this note." >>"$f"; done < <(sample "$r")
    times[edit_omindex]+="$(seconds omindex_run) "
    times[edit_infonote]+="$(seconds infonote_run) "

    while read -r f; do touch "$f"; done < <(sample "$((r + 50))")
    times[touch_omindex]+="$(seconds omindex_run) "
    times[touch_infonote]+="$(seconds infonote_run) "
done

printf '%s notes, %s runs each, median wall seconds, %s\n' "$notes" "$runs" "$(nproc) cores"
printf '%-10s %10s %10s %8s\n' case omindex infonote ratio
for c in noop edit touch; do
    o=$(tr ' ' '\n' <<<"${times[${c}_omindex]}" | grep . | median)
    i=$(tr ' ' '\n' <<<"${times[${c}_infonote]}" | grep . | median)
    label=$c
    [[ $c == edit ]] && label="1% edit"
    [[ $c == touch ]] && label="1% touch"
    printf '%-10s %10.3f %10.3f %8.2f\n' "$label" "$o" "$i" "$(awk -v i="$i" -v o="$o" 'BEGIN { print i / o }')"
done
printf 'index size: omindex %s, infonote %s\n' "$(du -sh "$work/omega" | cut -f1)" \
    "$(du -sh "$work/infonote" | cut -f1)"
