#!/usr/bin/env bash
# Installs the Debian 12 packages the build and the tests need. Safe to run again.
set -euo pipefail
packages=(
  build-essential cmake pkg-config
  libevent-dev libssl-dev libjsoncpp-dev zlib1g-dev libgflags-dev
  libyaml-cpp-dev  # the bundled broker's ACL files (plain_acl.yml)
  libgtest-dev libgmock-dev
  clang-14 libclang-rt-14-dev  # fuzz/run.sh: the libFuzzer targets (clang only)
  doxygen  # the API reference (cmake --build build --target docs; ctest api_docs_warning_free)
  openssl nodejs $(command -v npm >/dev/null 2>&1 || echo npm)  # NodeSource nodejs bundles npm (and conflicts with it)
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
