#!/usr/bin/env bash
# Refreshes an infonote index from its corpus folder: the nightly job.
#
#   scripts/nightly.sh [--mode update|build] [--log-dir DIR] [--wait SECONDS] CORPUS DB
#
# update (the default) re-indexes only what changed since the last run, in
# one transaction; build makes a complete new build beside the live one and
# switches to it. Either way readers keep answering throughout.
#
# Writes DIR/infonote-index.log (rotated at 5 MiB, 5 kept) and
# DIR/last-run.json, the run report: counts, rejected files with reasons,
# durations. DIR defaults to $INFONOTE_LOG_DIR, else DB/../logs.
# The programs are taken from $INFONOTE_BIN_DIR, else from PATH, else from
# this repository's release build.
#
# Exit status: 0 all well; 3 finished, but some files were rejected (see the
# report); 4 failed, and readers still get the index as it was.
set -uo pipefail

mode="${INFONOTE_NIGHTLY_MODE:-update}"
log_dir="${INFONOTE_LOG_DIR:-}"
wait_seconds="${INFONOTE_WAIT_SECONDS:-3600}"

usage() {
    sed -n '2,/^set -uo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//' >&2
    exit 4
}

while (($# > 0)); do
    case "$1" in
        --mode) mode="${2:-}"; shift 2 ;;
        --log-dir) log_dir="${2:-}"; shift 2 ;;
        --wait) wait_seconds="${2:-}"; shift 2 ;;
        -h|--help) usage ;;
        --*) echo "nightly.sh: unknown option $1" >&2; usage ;;
        *) break ;;
    esac
done
(($# == 2)) || usage
corpus="$1"
db="$2"
case "$mode" in
    update|build) ;;
    *) echo "nightly.sh: --mode must be update or build, not '$mode'" >&2; exit 4 ;;
esac

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if [[ -n "${INFONOTE_BIN_DIR:-}" ]]; then
    index="$INFONOTE_BIN_DIR/infonote-index"
elif command -v infonote-index >/dev/null; then
    index="$(command -v infonote-index)"
else
    index="$repo/build/release/bin/infonote-index"
fi
if [[ ! -x "$index" ]]; then
    echo "nightly.sh: infonote-index not found (set INFONOTE_BIN_DIR or run scripts/setup.sh)" >&2
    exit 4
fi

[[ -n "$log_dir" ]] || log_dir="$(dirname "$db")/logs"
if ! mkdir -p "$log_dir"; then
    echo "nightly.sh: cannot create log folder $log_dir" >&2
    exit 4
fi

"$index" --log-file "$log_dir/infonote-index.log" "$mode" "$corpus" --db "$db" \
    --wait "$wait_seconds" --no-progress --report "$log_dir/last-run.json"
status=$?
case "$status" in
    0|3) exit "$status" ;;
    *) exit 4 ;;  # failed, interrupted or refused: the live index was kept
esac
