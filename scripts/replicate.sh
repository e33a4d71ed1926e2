#!/usr/bin/env bash
# Read replicas of an infonote index with Xapian's replication tools
# (xapian-replicate-server and xapian-replicate, Debian's xapian-tools).
#
# On the machine that builds the index:
#
#   scripts/replicate.sh serve DB [--port 7010] [--interface ADDR] [--refresh 10]
#
#   keeps DB/replication/shard-K/XAPIANDB, a Xapian stub naming shard K of
#   the live build (the whole build when it has one shard), re-pointed
#   within --refresh seconds of each build or rollback, and serves
#   DB/replication with xapian-replicate-server.
#
# On each replica:
#
#   scripts/replicate.sh follow HOST PORT REPLICA [--shards N] [--interval 60] [--once]
#
#   keeps REPLICA/shard-K a copy of the master's shard K (xapian-replicate
#   sends the changes of an update, or the whole shard after a build) and
#   REPLICA/XAPIANDB a stub listing them: `infonote-query --db REPLICA`.
#   --once copies once and exits (for cron or a systemd timer).
#
# Xapian's replication protocol has no authentication or encryption: serve
# on a private network or loopback only (--interface). Shards are copied
# one after another, so for up to one interval a replica may answer from
# shards of two consecutive builds. Details in docs/scaling.md.
set -euo pipefail

usage() {
    sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//' >&2
    exit 2
}

# The live build's databases, one per line: its shards, or the build itself.
shards_of_live() {
    local db="$1" build
    build="$(awk '$1 == "auto" { print $2; exit }' "$db/XAPIANDB" 2>/dev/null || true)"
    [[ -n $build ]] || return 1
    if [[ -f $db/$build/XAPIANDB ]]; then
        awk -v b="$build" '$1 == "auto" { print b "/" $2 }' "$db/$build/XAPIANDB"
    else
        echo "$build"
    fi
}

# Points DB/replication/shard-K at the live build's shards; each stub is
# replaced with rename(2), so the server never reads half of one.
refresh_masters() {
    local db="$1" k=0 target dir
    while read -r target; do
        dir="$db/replication/shard-$k"
        mkdir -p "$dir"
        printf 'auto ../../%s\n' "$target" >"$dir/XAPIANDB.new"
        mv -f "$dir/XAPIANDB.new" "$dir/XAPIANDB"
        k=$((k + 1))
    done < <(shards_of_live "$db")
    # Shards the live build no longer has are not served.
    for dir in "$db"/replication/shard-*; do
        [[ -d $dir ]] || continue
        ((${dir##*shard-} < k)) || rm -rf "$dir"
    done
    ((k > 0))
}

serve() {
    local db="" port=7010 interface=127.0.0.1 refresh=10
    while (($# > 0)); do
        case "$1" in
            --port) port="$2"; shift 2 ;;
            --interface) interface="$2"; shift 2 ;;
            --refresh) refresh="$2"; shift 2 ;;
            -*) usage ;;
            *) db="$1"; shift ;;
        esac
    done
    [[ -n $db ]] || usage
    if ! refresh_masters "$db"; then
        echo "replicate.sh: $db has no live build to serve" >&2
        exit 1
    fi
    xapian-replicate-server --interface "$interface" --port "$port" "$db/replication" &
    local server=$!
    trap 'kill "$server" 2>/dev/null; exit 0' INT TERM
    echo "replicate.sh: serving $(ls -d "$db"/replication/shard-* | wc -l) shard(s) of $db on $interface:$port" >&2
    while kill -0 "$server" 2>/dev/null; do
        sleep "$refresh" &
        wait $! || true
        refresh_masters "$db" || echo "replicate.sh: $db has no live build" >&2
    done
    wait "$server"
}

follow() {
    (($# >= 3)) || usage
    local host="$1" port="$2" replica="$3" shards=1 interval=60 once=no
    shift 3
    while (($# > 0)); do
        case "$1" in
            --shards) shards="$2"; shift 2 ;;
            --interval) interval="$2"; shift 2 ;;
            --once) once=yes; shift ;;
            *) usage ;;
        esac
    done
    mkdir -p "$replica"
    local stub="" k
    for ((k = 0; k < shards; k++)); do stub+="auto shard-$k"$'\n'; done
    printf '%s' "$stub" >"$replica/XAPIANDB.new"
    mv -f "$replica/XAPIANDB.new" "$replica/XAPIANDB"
    while :; do
        local failed=0
        for ((k = 0; k < shards; k++)); do
            xapian-replicate --host "$host" --port "$port" --master "shard-$k" --one-shot \
                --quiet --timeout 30 --reader-time 5 "$replica/shard-$k" || failed=1
        done
        if [[ $once == yes ]]; then
            exit "$failed"
        fi
        sleep "$interval"
    done
}

case "${1:-}" in
    serve) shift; serve "$@" ;;
    follow) shift; follow "$@" ;;
    *) usage ;;
esac
