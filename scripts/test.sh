#!/usr/bin/env bash
# The whole test suite: installs dependencies, builds, runs every test with ctest, then does the
# same in an ASan+UBSan build, then runs each libFuzzer target (fuzz/) for $FUZZ_SECONDS
# (60 s by default, two at a time). Exits non-zero if anything fails.
#   SANITIZE=0 scripts/test.sh   skips the sanitizer pass.
#   FUZZ=0 scripts/test.sh       skips the fuzzing pass.
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

if [ "${FUZZ:-1}" != "0" ]; then
  echo "=== libFuzzer targets, ${FUZZ_SECONDS:-60} s each ==="
  bash fuzz/run.sh "${FUZZ_SECONDS:-60}"
fi
