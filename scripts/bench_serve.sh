#!/usr/bin/env bash
# The web server under load: infonote-query serve against Xapian's own web
# search (Omega's CGI, from xapian-omega, behind lighttpd) on indexes of the
# same generated notes, with wrk on loopback, side by side in one run:
# requests per second and p50/p99 latency per case. Figures only: nothing
# here passes or fails on speed.
#
#   scripts/bench_serve.sh [--notes N] [--duration S] [--connections C]
#                          [--threads T] [--bin DIR] [--work DIR]
#
# Defaults: 20,000 notes, 10 s a case, 8 connections (wrk -t2), 8 server
# workers. Each case asks one URL again and again, which the server answers
# from its cache of answers after the first time; the "no cache" cases ask a
# second server started with --cache-mb 0, whose every answer is worked out
# afresh. WORK defaults to $TMPDIR/infonote-bench-serve, and a corpus and
# indexes already there for the same number of notes are used again.
# Installs wrk and lighttpd when missing, and builds the release preset
# unless --bin names the programs.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
notes=20000
duration=10
connections=8
threads=8
bin=""
work="${TMPDIR:-/tmp}/infonote-bench-serve"

while (($#)); do
    case "$1" in
        --notes) notes="$2"; shift 2 ;;
        --duration) duration="$2"; shift 2 ;;
        --connections) connections="$2"; shift 2 ;;
        --threads) threads="$2"; shift 2 ;;
        --bin) bin="$2"; shift 2 ;;
        --work) work="$2"; shift 2 ;;
        *) echo "bench_serve.sh: unknown argument '$1'" >&2; exit 2 ;;
    esac
done

missing=()
command -v wrk >/dev/null || missing+=(wrk)
command -v lighttpd >/dev/null || [[ -x /usr/sbin/lighttpd ]] || missing+=(lighttpd)
[[ -x /usr/lib/cgi-bin/omega/omega ]] || missing+=(xapian-omega)
if ((${#missing[@]} > 0)); then
    echo "bench_serve.sh: installing ${missing[*]}" >&2
    sudo=()
    [[ $(id -u) -eq 0 ]] || sudo=(sudo)
    export DEBIAN_FRONTEND=noninteractive
    "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
fi
if [[ -z $bin ]]; then
    "$repo/scripts/setup.sh" release >&2
    bin="$repo/build/release/bin"
fi
lighttpd_bin="$(command -v lighttpd || echo /usr/sbin/lighttpd)"

mkdir -p "$work"
corpus="$work/corpus"
if [[ "$(cat "$work/notes" 2>/dev/null)" != "$notes" ]]; then
    rm -rf "$corpus" "$work/db" "$work/omega"
    echo "bench_serve.sh: generating $notes notes" >&2
    python3 "$repo/scripts/generate_notes.py" --count "$notes" --out "$corpus" --quiet
    rm -f "$corpus/ground_truth.jsonl"
    "$bin/infonote-index" build "$corpus" --db "$work/db" >&2
    mkdir -p "$work/omega/data" "$work/omega/log"
    omindex --db "$work/omega/data/default" --url / "$corpus" -Mmd:text/plain >/dev/null
    echo "$notes" >"$work/notes"
fi
cat >"$work/omega.conf" <<EOF
database_dir $work/omega/data
template_dir /var/lib/xapian-omega/templates
log_dir $work/omega/log
EOF

free_port() {
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
}
trap cleanup EXIT

# infonote's server, on a free port it names on stderr: as it runs by
# default, and with no answers kept (every request asks the index).
start_server() {  # start_server LOG [OPTION...]
    local log="$1"
    shift
    "$bin/infonote-query" serve --db "$work/db" --listen 127.0.0.1:0 --threads "$threads" "$@" \
        2>"$log" &
    pids+=($!)
}
port_of() {  # port_of LOG: the port the server says it listens on
    local port=""
    for _ in $(seq 100); do
        port="$(sed -n 's|.* on http://127.0.0.1:\([0-9]*\)/.*|\1|p' "$1")"
        [[ -n $port ]] && break
        sleep 0.1
    done
    [[ -n $port ]] || { echo "bench_serve.sh: the server did not start:" >&2; cat "$1" >&2; exit 1; }
    echo "$port"
}
start_server "$work/serve.err"
start_server "$work/serve-uncached.err" --cache-mb 0
ours="$(port_of "$work/serve.err")"
uncached="$(port_of "$work/serve-uncached.err")"

# Omega behind lighttpd.
omega_port="$(free_port)"
mkdir -p "$work/www"
cat >"$work/lighttpd.conf" <<EOF
server.modules = ("mod_alias", "mod_cgi", "mod_setenv")
server.document-root = "$work/www"
server.bind = "127.0.0.1"
server.port = $omega_port
server.errorlog = "$work/lighttpd.err"
server.pid-file = "$work/lighttpd.pid"
alias.url = ("/cgi-bin/" => "/usr/lib/cgi-bin/")
\$HTTP["url"] =~ "^/cgi-bin/" { cgi.assign = ("" => "") }
setenv.add-environment = ("OMEGA_CONFIG_FILE" => "$work/omega.conf")
EOF
"$lighttpd_bin" -D -f "$work/lighttpd.conf" &
pids+=($!)

wait_for() {  # wait_for URL: until it answers 200
    for _ in $(seq 100); do
        [[ "$(curl -s -o /dev/null -w '%{http_code}' "$1")" == 200 ]] && return 0
        sleep 0.1
    done
    echo "bench_serve.sh: no answer from $1" >&2
    exit 1
}
ours_url="http://127.0.0.1:$ours"
omega_url="http://127.0.0.1:$omega_port/cgi-bin/omega/omega"
wait_for "$ours_url/healthz"
wait_for "$omega_url?DB=default&P=export"

# One case: wrk's requests per second, p50 and p99 in ms, and failures.
to_ms() {  # "320.00us" / "1.20ms" / "1.01s" -> milliseconds
    awk -v v="$1" 'BEGIN {
        n = v + 0
        if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n = n; else if (v ~ /s$/) n *= 1000
        printf "%.3f", n }'
}
rows=()
declare -A rps
measure() {  # measure NAME URL
    local name="$1" url="$2" out
    out="$(wrk -t2 -c"$connections" -d"${duration}s" --latency "$url")"
    local r p50 p99 failed
    r="$(awk '/^Requests\/sec:/ { print $2 }' <<<"$out")"
    p50="$(to_ms "$(awk '$1 == "50%" { print $2 }' <<<"$out")")"
    p99="$(to_ms "$(awk '$1 == "99%" { print $2 }' <<<"$out")")"
    failed="$(awk '/Non-2xx or 3xx responses:/ { n += $NF } /Socket errors:/ { gsub(",", ""); n += $4 + $6 + $8 + $10 } END { print n + 0 }' <<<"$out")"
    rps[$name]="$r"
    rows+=("$(printf '| %-44s | %10s | %8s | %8s | %6s |' "$name" "$r" "$p50" "$p99" "$failed")")
}

words="export%20controls"
measure "infonote: plain search (API)" "$ours_url/api/search?q=$words"
measure "Omega CGI: plain search" "$omega_url?DB=default&P=export+controls"
measure "infonote: search with all facets (API)" \
    "$ours_url/api/search?q=$words&facets=country,org,year,venue_country,region,type,kind"
measure "infonote: search page (HTML, facets)" "$ours_url/search?q=$words"
measure "infonote: attended KZ (API)" "$ours_url/api/attended?country=KZ&limit=20"
uncached_url="http://127.0.0.1:$uncached"
wait_for "$uncached_url/healthz"
measure "infonote, no cache: plain search (API)" "$uncached_url/api/search?q=$words"
measure "infonote, no cache: all facets (API)" \
    "$uncached_url/api/search?q=$words&facets=country,org,year,venue_country,region,type,kind"
measure "infonote, no cache: search page" "$uncached_url/search?q=$words"

echo "Corpus: $notes notes; wrk -t2 -c$connections, ${duration}s a case; infonote --threads $threads"
echo
echo "| case                                         |  req/s     | p50 ms   | p99 ms   | failed |"
echo "|----------------------------------------------|------------|----------|----------|--------|"
printf '%s\n' "${rows[@]}"
echo
awk -v a="${rps["infonote: plain search (API)"]}" -v b="${rps["Omega CGI: plain search"]}" \
    'BEGIN { if (b > 0) printf "Plain search: infonote %.0f req/s, Omega %.0f req/s: %.1fx\n", a, b, a / b }'
