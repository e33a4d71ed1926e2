#!/usr/bin/env bash
# Installs what infonote needs from Debian's packages (when missing), then
# configures and builds it with a CMake preset.
#
#   scripts/setup.sh [release|debug|asan]     (default: release)
#
# Safe to run again: it installs nothing that is already there and says
# nothing about packages when all are present. Set INFONOTE_WERROR=ON to turn
# compiler warnings into errors (CI does).
set -euo pipefail

preset="${1:-release}"
case "$preset" in
    release|debug|asan) ;;
    *) echo "setup.sh: unknown preset '$preset' (use release, debug or asan)" >&2; exit 2 ;;
esac

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

packages=(
    cmake g++ ninja-build pkg-config
    libxapian-dev xapian-tools xapian-omega
    libicu-dev libcli11-dev libspdlog-dev libgtest-dev nlohmann-json3-dev
    libpoppler-cpp-dev libgumbo-dev libdeflate-dev libxlsxwriter-dev
    libcpp-httplib-dev libkainjow-mustache-dev
    iso-codes python3
    help2man lintian man-db
)

missing=()
for p in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$p")
    fi
done

if ((${#missing[@]} > 0)); then
    echo "setup.sh: installing ${missing[*]}" >&2
    if [[ $(id -u) -eq 0 ]]; then
        sudo=()
    elif command -v sudo >/dev/null; then
        sudo=(sudo)
    else
        echo "setup.sh: need root (or sudo) to install: ${missing[*]}" >&2
        exit 1
    fi
    export DEBIAN_FRONTEND=noninteractive
    "${sudo[@]}" apt-get update -qq >&2
    "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
fi

cd "$repo"
cmake --preset "$preset" -DINFONOTE_WERROR="${INFONOTE_WERROR:-OFF}" >/dev/null
cmake --build --preset "$preset" -- -j"$(nproc)"
