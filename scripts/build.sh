#!/usr/bin/env bash
# Configures and builds into a build directory.
#   scripts/build.sh [--no-tests] [BUILD_DIR] [extra cmake args...]   (default BUILD_DIR: build)
# --no-tests builds only the library, the servers, the tools and the examples (what
# scripts/main_job.sh runs): no test suites, no benchmarks. Without it the test suites and
# benchmarks are built too, also in a directory an earlier --no-tests build configured.
set -euo pipefail
cd "$(dirname "$0")/.."
parts=(-DROCKETMQ_BUILD_TESTS=ON -DROCKETMQ_BUILD_BENCH=ON)
if [ "${1:-}" = "--no-tests" ]; then
  parts=(-DROCKETMQ_BUILD_TESTS=OFF -DROCKETMQ_BUILD_BENCH=OFF)
  shift
fi
dir=${1:-build}
shift || true
cmake -S . -B "$dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo "${parts[@]}" "$@" >/dev/null
cmake --build "$dir" -j"$(nproc)"
