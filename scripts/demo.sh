#!/usr/bin/env bash
# Sets everything up, indexes the bundled corpus/ and runs example queries.
#
#   scripts/demo.sh
#
# The index goes to $INFONOTE_DB, by default infonote-db/ in the repository.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$repo/scripts/setup.sh" release

bin="$repo/build/release/bin"
db="${INFONOTE_DB:-$repo/infonote-db}"

run() {
    echo
    echo "\$ $*"
    # Exit status 1 means "nothing matched": part of the demo, not a failure.
    "$@" || { status=$?; echo "(exit status $status)"; [[ $status -le 2 ]]; }
}

cd "$repo"
run "$bin/infonote-index" build corpus --db "$db"
run "$bin/infonote-query" search --db "$db" --country "Islamic Republic of Iran"
run "$bin/infonote-query" search --db "$db" --country KZ --country US
run "$bin/infonote-query" search --db "$db" non-proliferation --limit 3 --facets country,type
run "$bin/infonote-query" search --db "$db" '"export controls"' --org UNODA
run "$bin/infonote-query" search --db "$db" --region "Latin America" --from 2015
run "$bin/infonote-query" attended --db "$db" Kazakhstan
run "$bin/infonote-query" countries --db "$db"
run "$bin/infonote-query" timeline --db "$db"
run "$bin/infonote-query" stats --db "$db"
run "$bin/infonote-query" search --db "$db" Astana --format json
run "$bin/infonote-query" search --db "$db" worshop
run "$bin/infonote-query" attended --db "$db" Kazahstan
