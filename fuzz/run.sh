#!/usr/bin/env bash
# Builds the libFuzzer targets (clang, -DROCKETMQ_FUZZ=ON, in build-fuzz/) and runs each one for
# the given number of seconds, two at a time (CI machines have 2 cores). Each run starts from a
# scratch copy of fuzz/corpus/<target> plus fuzz/regressions/<target>, so the checked-in seeds
# stay small; a crash leaves its input in build-fuzz/artifacts/<target>/ and fails the script
# (copy it to fuzz/regressions/<target>/ once fixed). Logs: build-fuzz/logs/<target>.log.
# $FUZZ_BUILD_DIR overrides build-fuzz; $FUZZ_CXX/$FUZZ_CC the compilers (clang++-14, clang-14).
#   fuzz/run.sh 60            every target for 60 s
#   fuzz/run.sh 600 plain_acl one target
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:?usage: fuzz/run.sh <seconds> [target...]}
out=${FUZZ_BUILD_DIR:-build-fuzz}
shift
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  targets=(frame_decoder json_header binary_header stored_message batch_body json_dialect
           broker_conf plain_acl)
fi
cxx=${FUZZ_CXX:-clang++-14}
cc=${FUZZ_CC:-clang-14}
launcher=()
if command -v ccache >/dev/null; then
  launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache -DCMAKE_C_COMPILER_LAUNCHER=ccache)
fi
cmake -S . -B "$out" -DROCKETMQ_FUZZ=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_CXX_COMPILER="$cxx" -DCMAKE_C_COMPILER="$cc" "${launcher[@]}" >/dev/null
cmake --build "$out" -j2 --target $(printf 'fuzz_%s ' "${targets[@]}")

mkdir -p "$out/logs"
run_one() {
  local t=$1
  local work="$out/scratch/$t"
  rm -rf "$work" && mkdir -p "$work/corpus" "$out/artifacts/$t"
  cp fuzz/corpus/"$t"/* "$work/corpus/" 2>/dev/null || true
  cp fuzz/regressions/"$t"/* "$work/corpus/" 2>/dev/null || true
  # -rss_limit_mb: well below the machine; -max_len: room for frames and ACL files.
  if "$out"/bin/fuzz_"$t" "$work/corpus" -max_total_time="$seconds" -max_len=16384 \
      -rss_limit_mb=1024 -timeout=20 -print_final_stats=1 \
      -artifact_prefix="$out/artifacts/$t/" >"$out/logs/$t.log" 2>&1; then
    echo "$t: ok $(grep -E '^#[0-9]+.*DONE' "$out/logs/$t.log" | tail -1)"
  else
    echo "$t: FAILED (log $out/logs/$t.log, inputs in $out/artifacts/$t/)"
    tail -40 "$out/logs/$t.log"
    return 1
  fi
}

status=0
for ((i = 0; i < ${#targets[@]}; i += 2)); do
  pids=()
  for t in "${targets[@]:i:2}"; do
    run_one "$t" & pids+=($!)
  done
  for pid in "${pids[@]}"; do wait "$pid" || status=1; done
done
exit $status
