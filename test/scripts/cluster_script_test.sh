#!/usr/bin/env bash
# scripts/cluster.sh in each of the four modes: start, send and pull through the client
# (cluster_demo), the NameServer lists the expected master and slave rows, status, stop, and no
# process is left behind.
#   cluster_script_test.sh <bin dir>
set -euo pipefail
bin=$1
repo="$(cd "$(dirname "$0")/../.." && pwd)"
work=$(mktemp -d "${TMPDIR:-/tmp}/cluster-script-test.XXXXXX")
export CLUSTER_DIR="$work/cluster" ROCKETMQ_BIN="$bin"
cluster() { bash "$repo/scripts/cluster.sh" "$@"; }
on_exit() {
  local rc=$?
  cluster stop >/dev/null 2>&1 || true
  if [ "$rc" -ne 0 ]; then
    for log in "$CLUSTER_DIR"/*.log; do
      [ -f "$log" ] && { echo "--- last lines of $(basename "$log") ---"; tail -n 20 "$log"; } >&2
    done
  fi
  rm -rf "$work"
}
trap on_exit EXIT

fail() { echo "FAIL: $*" >&2; exit 1; }

# <mode> <masters> <slaves>
check_mode() {
  local mode=$1 masters=$2 slaves=$3 ns out rows
  echo "== $mode =="
  cluster start "$mode"
  ns=$(cat "$CLUSTER_DIR/namesrv.addr")
  for attempt in $(seq 1 20); do
    out=$("$bin/cluster_demo" -n "$ns" -t "ScriptTopic" -c 8) || fail "$mode: cluster_demo failed: $out"
    rows=$(grep '^DefaultCluster ' <<<"$out" || true)
    if [ "$(awk '$3 == 0' <<<"$rows" | wc -l)" = "$masters" ] &&
       [ "$(awk '$3 == 1' <<<"$rows" | wc -l)" = "$slaves" ]; then
      break
    fi
    [ "$attempt" = 20 ] && fail "$mode: expected $masters masters and $slaves slaves, got:
$rows"
    sleep 0.5
  done
  echo "$rows"
  cluster status || fail "$mode: status says nothing runs"
  local recorded
  recorded=$(awk '{print $2}' "$CLUSTER_DIR/pids")
  cluster stop
  for pid in $recorded; do
    # Gone, or exited and waiting to be reaped.
    if kill -0 "$pid" 2>/dev/null && [ "$(awk '{print $3}' "/proc/$pid/stat" 2>/dev/null)" != Z ]; then
      fail "$mode: pid $pid still runs after stop"
    fi
  done
  if cluster status >/dev/null 2>&1; then fail "$mode: status succeeds after stop"; fi
  rm -rf "$CLUSTER_DIR"
}

check_mode 1m 1 0
check_mode 2m 2 0
check_mode 2m-2s-async 2 2
check_mode 2m-2s-sync 2 2
echo "all four modes start, serve and stop"
