#!/usr/bin/env bash
# SYNC_MASTER ÷ ASYNC_MASTER producer throughput through the real client, as users see it.
#
# Starts a 2m-2s-async and a 2m-2s-sync cluster side by side (scripts/cluster.sh, separate
# directories), then alternates short mqbench producer runs between them so both see the same
# machine load, and prints the average msg/s of each and their ratio per thread count.
#   bench/ha_ratio.sh                      (threads 16 64, 4 rounds of 5 s, 128-byte bodies)
#   THREADS="16 64" ROUNDS=4 DURATION_S=5 SIZE=128 bench/ha_ratio.sh
# Binaries come from $ROCKETMQ_BIN (default <repo>/build/bin). Both clusters are stopped on exit.
set -euo pipefail

repo="$(cd "$(dirname "$0")/.." && pwd)"
bin="${ROCKETMQ_BIN:-$repo/build/bin}"
threads_list=${THREADS:-16 64}
rounds=${ROUNDS:-4}
duration=${DURATION_S:-5}
size=${SIZE:-128}
work=$(mktemp -d /tmp/ha-ratio.XXXXXX)

cleanup() {
  for mode in async sync; do
    CLUSTER_DIR="$work/$mode" bash "$repo/scripts/cluster.sh" stop >/dev/null 2>&1 || true
  done
  rm -rf "$work"
}
trap cleanup EXIT

declare -A namesrv=()
for mode in async sync; do
  CLUSTER_DIR="$work/$mode" ROCKETMQ_BIN="$bin" bash "$repo/scripts/cluster.sh" start "2m-2s-$mode" >/dev/null
  namesrv[$mode]=$(cat "$work/$mode/namesrv.addr")
  # Warm-up: creates the topic on both groups and fills the route caches.
  "$bin/mqbench" producer -n "${namesrv[$mode]}" -t RatioTopic -s "$size" --threads 4 --duration_s 2 >/dev/null
done

tps_of() {  # <mode> <threads>
  # mqbench's [Complete] line (Java's Producer text): TPS over the run's last snapshots.
  "$bin/mqbench" producer -n "${namesrv[$1]}" -t RatioTopic -s "$size" --threads "$2" \
      --duration_s "$duration" |
    sed -n 's/^\[Complete\] .* Send TPS: \([0-9]*\) .* Send Failed: \([0-9]*\) Response Failed: \([0-9]*\) .*/\2 \3 \1/p' |
    awk '{ print $1 + $2, $3 }'
}

printf '%-8s %12s %12s %8s\n' threads async_tps sync_tps ratio
for threads in $threads_list; do
  declare -A sum=([async]=0 [sync]=0)
  for _ in $(seq 1 "$rounds"); do
    for mode in async sync; do
      read -r failed tps < <(tps_of "$mode" "$threads")
      [ "$failed" = 0 ] || echo "warning: $failed failed sends ($mode, $threads threads)" >&2
      sum[$mode]=$(awk -v a="${sum[$mode]}" -v b="$tps" 'BEGIN { print a + b }')
    done
  done
  awk -v t="$threads" -v a="${sum[async]}" -v s="${sum[sync]}" -v r="$rounds" \
      'BEGIN { printf "%-8s %12.0f %12.0f %8.3f\n", t, a / r, s / r, s / a }'
done
