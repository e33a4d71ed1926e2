#!/usr/bin/env bash
# scripts/replicate.sh end to end on 127.0.0.1: a replica of a two-shard
# index answers as the master does, and follows it to the next build.
#
#   tests/replicate_test.sh BIN_DIR REPO WORK
set -euo pipefail
bin="$1" repo="$2" work="$3"
rm -rf "$work"
mkdir -p "$work"
cp -r "$repo/corpus" "$work/notes"
rm -f "$work/notes/README.md" "$work/notes/expected.json"

"$bin/infonote-index" build "$work/notes" --db "$work/master" --shards 2 --no-progress >/dev/null

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
setsid "$repo/scripts/replicate.sh" serve "$work/master" --port "$port" --refresh 1 \
    >"$work/serve.log" 2>&1 &
server=$!
trap 'kill -- -"$server" 2>/dev/null || true' EXIT
for _ in $(seq 100); do
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break
    sleep 0.1
done

status=0
same() {  # same LABEL: the replica answers every query as the master does
    local q
    for q in "countries --format json" "attended Kazakhstan --format csv" \
             "search export controls --all --format json --facets country,year"; do
        # shellcheck disable=SC2086
        if ! diff <("$bin/infonote-query" $q --db "$work/master") \
                  <("$bin/infonote-query" $q --db "$work/replica") >"$work/diff" 2>&1; then
            echo "replicate_test.sh: $1: '$q' differs:" >&2
            cat "$work/diff" >&2
            status=1
        fi
    done
}

"$repo/scripts/replicate.sh" follow 127.0.0.1 "$port" "$work/replica" --shards 2 --once
same "first copy"

# The next build, with one note more, reaches the replica.
cp "$work/notes/astana-2014-central-asia-workshop.txt" "$work/notes/astana-again.txt"
"$bin/infonote-index" build "$work/notes" --db "$work/master" --no-progress >/dev/null
sleep 2.5  # the server re-points its shard stubs every second
"$repo/scripts/replicate.sh" follow 127.0.0.1 "$port" "$work/replica" --shards 2 --once
same "after a build"
notes_in() {
    "$bin/infonote-query" stats --db "$1" --format json |
        python3 -c 'import json, sys; print(json.load(sys.stdin)["notes"])'
}
before=$(ls "$work/notes" | wc -l)
if [[ $(notes_in "$work/replica") != "$before" || $(notes_in "$work/master") != "$before" ]]; then
    echo "replicate_test.sh: replica has $(notes_in "$work/replica") notes, corpus $before" >&2
    status=1
fi
exit $status
