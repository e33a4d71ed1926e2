#!/usr/bin/env bash
# The browser tests (search_page.mjs) against a server on the sample corpus.
#
#   tests/browser/run.sh BIN_DIR REPO WORK
#
# Needs Debian's chromium and `npm ci` in tests/browser (scripts/test.sh
# does both); never downloads a browser.
set -euo pipefail
bin="$1" repo="$2" work="$3"
here="$repo/tests/browser"
if [[ ! -d $here/node_modules/playwright-core ]]; then
    echo "run.sh: playwright-core is missing: run 'npm ci' in tests/browser (scripts/test.sh does)" >&2
    exit 1
fi
rm -rf "$work" && mkdir -p "$work"
"$bin/infonote-index" build "$repo/corpus" --db "$work/db" >/dev/null 2>&1
"$bin/infonote-query" serve --db "$work/db" --listen 127.0.0.1:0 --threads 4 2>"$work/serve.err" &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null || true' EXIT
port=""
for _ in $(seq 100); do
    port="$(sed -n 's|.* on http://127.0.0.1:\([0-9]*\)/.*|\1|p' "$work/serve.err")"
    [[ -n $port ]] && break
    sleep 0.1
done
[[ -n $port ]] || { cat "$work/serve.err" >&2; exit 1; }
PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 node "$here/search_page.mjs" "http://127.0.0.1:$port" "$work/screenshots"
