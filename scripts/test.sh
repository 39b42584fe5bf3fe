#!/usr/bin/env bash
# The whole test suite: installs dependencies, builds, runs every test with ctest, then does the
# same in an ASan+UBSan build. Exits non-zero if anything fails.
#   SANITIZE=0 scripts/test.sh   skips the sanitizer pass.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install_deps.sh
jobs=$(nproc)

bash scripts/build.sh build
(cd build && ctest --output-on-failure -j"$jobs" --timeout 600)

if [ "${SANITIZE:-1}" != "0" ]; then
  echo "=== ASan+UBSan build ==="
  bash scripts/build.sh build-asan -DROCKETMQ_SANITIZE=address,undefined -DROCKETMQ_BUILD_BENCH=OFF
  (cd build-asan && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
      ctest --output-on-failure -j"$jobs" --timeout 900)
fi
