#!/usr/bin/env bash
# Sets everything up, builds with AddressSanitizer and UndefinedBehavior-
# Sanitizer, and runs the whole test suite.
#
#   scripts/test.sh [asan|debug|release]     (default: asan)
set -euo pipefail

preset="${1:-asan}"
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

# The browser tests need Debian's chromium and playwright-core, installed
# from the lock file (tests/browser); no browser is ever downloaded.
missing=()
command -v chromium >/dev/null || missing+=(chromium)
command -v npm >/dev/null || missing+=(npm)
if ((${#missing[@]} > 0)); then
    echo "test.sh: installing ${missing[*]}" >&2
    sudo=()
    [[ $(id -u) -eq 0 ]] || sudo=(sudo)
    export DEBIAN_FRONTEND=noninteractive
    "${sudo[@]}" apt-get update -qq >&2
    "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
fi
(cd "$repo/tests/browser" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund >&2)

"$repo/scripts/setup.sh" "$preset"
cd "$repo"
ctest --preset "$preset" -j"$(nproc)"
