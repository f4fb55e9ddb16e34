#!/usr/bin/env bash
# Installs the Debian packages storyline needs (when run as root), then builds the engine
# (build/), the libFuzzer targets (build-fuzz/, clang) and the web UI (ui/dist).
# Usage: scripts/setup.sh            # everything
#        SKIP_APT=1 scripts/setup.sh # packages already installed
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(
  cmake ninja-build g++ pkg-config clang-14 libclang-rt-14-dev
  libicu-dev libgumbo-dev libxml2-dev nlohmann-json3-dev libsimdjson-dev libfmt-dev
  libhowardhinnant-date-dev libstemmer-dev libcld2-dev libcli11-dev libspdlog-dev
  libgtest-dev libgmock-dev googletest librapidcheck-dev libbenchmark-dev
  libsqlite3-dev libcpp-httplib-dev zlib1g-dev libmimalloc-dev
  iso-codes libgeonames-dev
  dict-freedict-deu-eng dict-freedict-ara-eng dict-freedict-fra-eng dict-freedict-spa-eng
  dict-freedict-pol-eng dict-freedict-tur-eng dict-freedict-ita-eng dict-freedict-eng-rus
  chromium fonts-wqy-microhei
)
# Node for the web UI: some machines ship a Node.js that bundles npm (and conflicts with
# Debian's npm package); install Debian's only where there is none.
command -v node >/dev/null || packages+=(nodejs)
command -v npm >/dev/null || packages+=(npm)
if [[ -z "${SKIP_APT:-}" ]]; then
  if [[ $(id -u) -eq 0 ]]; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
  else
    sudo apt-get update -qq
    sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
  fi
fi
# Vite 7 and playwright-core need Node.js 20.19 or later; Debian 12's own nodejs is 18, with
# which the UI build fails later with an obscure error.
if [[ -f ui/package.json ]] && ! node -e 'const [a, b] = process.versions.node.split(".").map(Number);
    process.exit(a > 20 || (a === 20 && b >= 19) ? 0 : 1)'; then
  echo "setup: the web UI needs Node.js >= 20.19 (found $(node --version)); install a newer Node.js" >&2
  exit 1
fi

jobs=$(nproc)
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j "$jobs"

cmake -S . -B build-fuzz -G Ninja -DSTORYLINE_FUZZ=ON \
  -DCMAKE_C_COMPILER=clang-14 -DCMAKE_CXX_COMPILER=clang++-14 >/dev/null
cmake --build build-fuzz -j "$jobs"

if [[ -f ui/package.json ]]; then
  (cd ui && npm ci --no-audit --no-fund --loglevel=error && npm run build --silent)
fi
