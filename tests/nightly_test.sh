#!/usr/bin/env bash
# scripts/nightly.sh end to end: exit statuses 0, 3 and 4, the rotating log
# and the run report. Usage: nightly_test.sh BIN_DIR SOURCE_DIR
set -u
bin_dir="$1"
source_dir="$2"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
passed=0
failed=0
check() {  # check DESCRIPTION COMMAND...
    local what="$1"
    shift
    if "$@"; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAIL: $what"; fi
}

mkdir "$work/corpus"
cp "$source_dir"/corpus/*.txt "$work/corpus/"
export INFONOTE_BIN_DIR="$bin_dir"
nightly="$source_dir/scripts/nightly.sh"

"$nightly" --log-dir "$work/logs" "$work/corpus" "$work/db" >"$work/out" 2>"$work/err"
check "first run (an update with no index) exits 0" test $? -eq 0
check "it says it builds" grep -q "no index yet; building a new index" "$work/err"
check "the log file is written" grep -q "build finished: " "$work/logs/infonote-index.log"
check "the report says ok" grep -q '"outcome": "ok"' "$work/logs/last-run.json"

: >"$work/corpus/empty.txt"
"$nightly" --log-dir "$work/logs" "$work/corpus" "$work/db" >"$work/out" 2>"$work/err"
check "a rejected file makes exit status 3" test $? -eq 3
check "the report names it" grep -q '"path": "empty.txt"' "$work/logs/last-run.json"
check "the log has its diagnostic" grep -q "empty.txt: error: " "$work/logs/infonote-index.log"
check "the update counts it as skipped" grep -q '"skipped": 1' "$work/logs/last-run.json"

"$nightly" --mode build --log-dir "$work/logs" "$work/corpus" "$work/db" >"$work/out" 2>"$work/err"
check "a nightly build also exits 3 with the bad file" test $? -eq 3
check "the report says build" grep -q '"command": "build"' "$work/logs/last-run.json"

: >"$work/not-a-folder"
"$nightly" --log-dir "$work/logs" "$work/corpus" "$work/not-a-folder/db" >"$work/out" 2>"$work/err"
check "an unusable database exits 4" test $? -eq 4
check "the report says failed" grep -q '"outcome": "failed"' "$work/logs/last-run.json"
check "the live index still answers" "$bin_dir/infonote-query" search --db "$work/db" Astana >/dev/null

"$nightly" --mode sideways "$work/corpus" "$work/db" >"$work/out" 2>"$work/err"
check "an unknown mode exits 4" test $? -eq 4

echo "$passed passed, $failed failed"
test "$failed" -eq 0
