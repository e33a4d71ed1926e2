#!/usr/bin/env bash
# The web server under load while its index changes: 8 clients (wrk) ask
# infonote-query serve searches for the whole run while, every minute, the
# same database is rebuilt (infonote-index build) or updated after a few
# notes come or go (infonote-index update), in turn. Prints the requests
# answered, those that failed (a socket error, a status other than 200),
# those whose `total` is neither the corpus's total without the notes that
# come and go nor its total with them (an answer from an incomplete index),
# the builds and updates run, and the server's resident memory at the start
# and the end.
#
#   scripts/soak_serve.sh [--duration S] [--every S] [--clients C] [--notes N]
#                         [--cache-mb M] [--bin DIR] [--work DIR]
#
# Defaults: 600 s, a build or update every 60 s, 8 clients, a corpus of
# 3,000 generated notes (of which 100 come and go); WORK defaults to
# $TMPDIR/infonote-soak-serve; --cache-mb is the server's (its default
# when not given). Builds the release preset unless --bin names
# the programs. Exit status: 0 when no request failed and every answer was
# complete, 1 otherwise, 2 for a bad argument.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
duration=600
every=60
clients=8
notes=3000
moving=100
bin=""
work="${TMPDIR:-/tmp}/infonote-soak-serve"
serve_options=()

while (($#)); do
    case "$1" in
        --duration) duration="$2"; shift 2 ;;
        --every) every="$2"; shift 2 ;;
        --clients) clients="$2"; shift 2 ;;
        --notes) notes="$2"; shift 2 ;;
        --cache-mb) serve_options+=(--cache-mb "$2"); shift 2 ;;
        --bin) bin="$2"; shift 2 ;;
        --work) work="$2"; shift 2 ;;
        *) echo "soak_serve.sh: unknown argument '$1'" >&2; exit 2 ;;
    esac
done
((notes > 2 * moving)) || { echo "soak_serve.sh: --notes must be over $((2 * moving))" >&2; exit 2; }
command -v wrk >/dev/null || { echo "soak_serve.sh: needs wrk (apt-get install wrk)" >&2; exit 2; }
if [[ -z $bin ]]; then
    "$repo/scripts/setup.sh" release >&2
    bin="$repo/build/release/bin"
fi
export INFONOTE_DATA_DIR="${INFONOTE_DATA_DIR:-$repo/data}"

rm -rf "$work"
mkdir -p "$work/held"
corpus="$work/corpus"
db="$work/db"
python3 "$repo/scripts/generate_notes.py" --count "$notes" --out "$corpus" --quiet
rm -f "$corpus/ground_truth.jsonl"
# The notes that come and go: the last ones, out of the corpus to begin with.
mapfile -t coming < <(find "$corpus" -maxdepth 1 -name 'note-*' -printf '%f\n' | sort | tail -n "$moving")

# The questions the clients ask, and their totals with the notes out and in.
queries=("q=export%20controls" "country=KZ" "q=workshop&facets=country,year" "type=seminar")
cli_args=("search export controls" "search --country KZ" "search workshop --facets country,year"
          "search --type seminar")
totals_now() {
    local args
    for args in "${cli_args[@]}"; do
        # shellcheck disable=SC2086 # the arguments are split on purpose
        "$bin/infonote-query" $args --db "$db" --limit 1 --format json |
            python3 -c 'import json, sys; print(json.load(sys.stdin)["total"])'
    done
}
index() {  # index build|update: logged, with its exit status
    "$bin/infonote-index" "$1" "$corpus" --db "$db" --wait 120 --no-progress \
        >>"$work/index.log" 2>&1
}
move_notes() {  # move_notes out|in
    local f
    for f in "${coming[@]}"; do
        if [[ $1 == out ]]; then mv "$corpus/$f" "$work/held/"; else mv "$work/held/$f" "$corpus/"; fi
    done
}

move_notes out
index build
mapfile -t totals_out < <(totals_now)
move_notes in
index update
mapfile -t totals_in < <(totals_now)
for i in "${!queries[@]}"; do
    if [[ ${totals_out[$i]} == "${totals_in[$i]}" ]]; then
        echo "soak_serve.sh: '${cli_args[$i]}' counts the same with and without the moving notes" >&2
    fi
done

free_port() {
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}
port="$(free_port)"
"$bin/infonote-query" serve --db "$db" --listen "127.0.0.1:$port" --threads "$clients" \
    "${serve_options[@]}" 2>"$work/serve.err" &
server=$!
cleanup() { kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; }
trap cleanup EXIT
for _ in $(seq 100); do
    curl -sf -o /dev/null "http://127.0.0.1:$port/healthz" && break
    sleep 0.1
done
rss() { awk '/^VmRSS:/ { print $2 }' "/proc/$server/status"; }

# wrk's script: each request one of the questions, at a random offset (so
# that not every answer comes from the server's cache) in a range of its
# own, which tells from the answer's "offset" which question it answers;
# each answer's total checked against the two expected.
{
    echo "local paths, allowed = {}, {}"
    for i in "${!queries[@]}"; do
        echo "paths[$((i + 1))] = '/api/search?${queries[$i]}&limit=1'"
        echo "allowed[$((i + 1))] = { [${totals_out[$i]}] = true, [${totals_in[$i]}] = true }"
    done
    cat <<'EOF'
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args) incomplete, failed, answered = 0, 0, 0 end
function request()
    local which = math.random(#paths)
    return wrk.format(nil, paths[which] .. "&offset=" .. (which * 100 + math.random(0, 49)))
end
function response(status, headers, body)
    answered = answered + 1
    if status ~= 200 then failed = failed + 1 return end
    local total = tonumber(string.match(body, '"total": (%d+)'))
    local offset = tonumber(string.match(body, '"offset": (%d+)'))
    local which = offset and math.floor(offset / 100)
    if not total or not allowed[which] or not allowed[which][total] then
        incomplete = incomplete + 1
    end
end
function done(summary, latency, requests)
    local a, f, i = 0, 0, 0
    for _, t in ipairs(threads) do
        a = a + t:get("answered"); f = f + t:get("failed"); i = i + t:get("incomplete")
    end
    local errors = summary.errors
    local socket = errors.connect + errors.read + errors.write + errors.timeout
    io.write(string.format("answers %d\nfailed %d\nsocket_errors %d\nincomplete %d\n",
                           a, f, socket, i))
    io.write(string.format("p50_ms %.3f\np99_ms %.3f\n",
                           latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
EOF
} >"$work/soak.lua"

# Warm up, then measure memory from there.
wrk -t1 -c"$clients" -d3s -s "$work/soak.lua" "http://127.0.0.1:$port" >/dev/null
rss_start="$(rss)"

wrk -t2 -c"$clients" -d"${duration}s" --timeout 10s -s "$work/soak.lua" \
    "http://127.0.0.1:$port" >"$work/wrk.out" &
load=$!
builds=0 updates=0 index_failures=0 state=in
start=$SECONDS
turn=0
while ((SECONDS - start + every <= duration)); do
    sleep $((every - (SECONDS - start) % every))
    if ((turn % 2 == 0)); then
        index build && builds=$((builds + 1)) || index_failures=$((index_failures + 1))
    else
        if [[ $state == in ]]; then move_notes out; state=out; else move_notes in; state=in; fi
        index update && updates=$((updates + 1)) || index_failures=$((index_failures + 1))
    fi
    turn=$((turn + 1))
done
wait "$load"
rss_end="$(rss)"

get() { awk -v k="$1" '$1 == k { print $2 }' "$work/wrk.out"; }
answers="$(get answers)" failed="$(get failed)" socket="$(get socket_errors)"
incomplete="$(get incomplete)"
echo "Soak: ${duration}s, $clients clients (wrk -t2), $notes notes ($moving come and go), a build or update every ${every}s ${serve_options[*]}"
echo "answers:               $answers ($(awk -v a="$answers" -v d="$duration" 'BEGIN { printf "%.0f", a / d }')/s)"
echo "failed (status):       $failed"
echo "socket errors:         $socket"
echo "incomplete (total not ${totals_out[*]} / ${totals_in[*]}): $incomplete"
echo "p50 / p99 ms:          $(get p50_ms) / $(get p99_ms)"
echo "builds / updates:      $builds / $updates (failed: $index_failures)"
echo "resident memory (KiB): $rss_start at start, $rss_end at end ($(awk -v a="$rss_start" -v b="$rss_end" 'BEGIN { printf "%+.1f%%", (b - a) * 100 / a }'))"
[[ $failed == 0 && $socket == 0 && $incomplete == 0 && $index_failures == 0 && $answers -gt 0 ]]
