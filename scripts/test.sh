#!/usr/bin/env bash
# Sets everything up, builds with AddressSanitizer and UndefinedBehavior-
# Sanitizer, and runs the whole test suite.
#
#   scripts/test.sh [asan|debug|release]     (default: asan)
set -euo pipefail

preset="${1:-asan}"
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

"$repo/scripts/setup.sh" "$preset"
cd "$repo"
ctest --preset "$preset" -j"$(nproc)"
