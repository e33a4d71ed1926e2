#!/usr/bin/env bash
# Keeps scripts/bench.sh working: runs the whole harness on a few hundred
# notes, once each, and checks that the table holds every case with figures
# for both tools. Timings are not judged (this build may carry sanitizers).
#
#   tests/bench_test.sh BIN_DIR REPO WORK
set -euo pipefail
bin="$1" repo="$2" work="$3"

table="$("$repo/scripts/bench.sh" --notes 300 --runs 1 --query-runs 1 --bin "$bin" \
    --work "$work" --out "$work.md")"
status=0
expect() {  # expect REGEX: a line of the table must match
    if ! grep -Eq "$1" <<<"$table"; then
        echo "bench_test.sh: no line matches: $1" >&2
        status=1
    fi
}
num='[0-9]+\.[0-9]+'
expect "^Corpus: 300 notes"
expect "^\| full build, --jobs [0-9]+ +\| $num +\| $num +\| $num +\| $num +\| ${num}x +\| [0-9]+ notes/s"
expect "^\| full build, --jobs 1 +\| $num"
expect "^\| no-op update +\| $num +\| $num +\| $num +\| $num +\| ${num}x"
expect "^\| 1% of notes edited +\| $num +\| $num +\| $num +\| $num +\| ${num}x"
expect "^Index size: infonote $num MB, omindex $num MB"
for q in "plain: export controls" "plain: customs" "phrase: \"export control\""; do
    expect "^\| $q +\| $num +\| $num +\| [0-9]+ +\| $num +\| $num +\| ${num}x"
done
for q in "attended [A-Z]{2} \([0-9]+ events" "search with all facets" "countries" "timeline"; do
    expect "^\| $q.*\| $num +\| $num +\| [0-9]+ +\|"
done
for n in 1 2 4; do
    expect "^\| $n +\| $num +\| [0-9]+ +\| $num +\| $num +\| $num +\| $num +\| $num +\| $num +\|"
done
cmp -s <(printf '%s\n' "$table") "$work.md" || { echo "bench_test.sh: --out differs from stdout" >&2; status=1; }
exit $status
