#!/usr/bin/env bash
# A local RocketMQ cluster of the bundled servers (build/bin/mqnamesrv + mqbroker) on 127.0.0.1,
# in the four classic deployments:
#   1m           one master
#   2m           two masters (broker-a, broker-b)
#   2m-2s-async  two ASYNC_MASTER / SLAVE pairs
#   2m-2s-sync   two SYNC_MASTER / SLAVE pairs (a send is acknowledged once its slave has it)
#
# Usage: scripts/cluster.sh start <mode> | stop | status
# Files live in $CLUSTER_DIR (default /tmp/rocketmq-cluster-$USER): one broker-*.conf and log per
# process, the stores, and "pids" (name pid) that stop/status use; processes are only ever
# signalled by their recorded PID. Binaries come from $ROCKETMQ_BIN (default <repo>/build/bin).
set -euo pipefail

repo="$(cd "$(dirname "$0")/.." && pwd)"
bin="${ROCKETMQ_BIN:-$repo/build/bin}"
dir="${CLUSTER_DIR:-/tmp/rocketmq-cluster-${USER:-$(id -un)}}"
pids="$dir/pids"

die() { echo "cluster.sh: $*" >&2; exit 1; }

# free_port (sets $port).
source "$repo/scripts/ports.sh"

wait_boot() {  # <log> <what>
  for _ in $(seq 1 100); do
    grep -q "boot success" "$1" 2>/dev/null && return 0
    sleep 0.1
  done
  die "$2 did not start; see $1"
}

# A process that has exited but not been reaped yet (our servers are reparented to whatever init
# the machine has, which may reap slowly) counts as stopped.
alive() {
  kill -0 "$1" 2>/dev/null || return 1
  local state
  state=$(awk '{print $3}' "/proc/$1/stat" 2>/dev/null || true)
  [ "$state" != Z ]
}

running() { [ -f "$pids" ] && while read -r _ pid; do alive "$pid" && return 0; done <"$pids"; return 1; }

start_broker() {  # <name> <id> <role>
  local name=$1 id=$2 role=$3 port ha conf log
  free_port || die "no free port found"
  ha=$port
  free_port || die "no free port found"
  conf="$dir/$name-$id.conf"
  log="$dir/$name-$id.log"
  cat >"$conf" <<CONF
brokerClusterName=DefaultCluster
brokerName=$name
brokerId=$id
brokerRole=$role
flushDiskType=ASYNC_FLUSH
brokerIP1=127.0.0.1
listenPort=$port
haListenPort=$ha
storePathRootDir=$dir/store-$name-$id
namesrvAddr=$namesrv
CONF
  "$bin/mqbroker" -c "$conf" >"$log" 2>&1 &
  echo "$name-$id $!" >>"$pids"
  wait_boot "$log" "broker $name-$id"
  echo "  $name id=$id $role 127.0.0.1:$port (HA port $ha)"
}

start() {
  local mode=$1 master_role
  case "$mode" in
    1m | 2m) master_role=ASYNC_MASTER ;;
    2m-2s-async) master_role=ASYNC_MASTER ;;
    2m-2s-sync) master_role=SYNC_MASTER ;;
    *) die "unknown mode '$mode' (1m, 2m, 2m-2s-async, 2m-2s-sync)" ;;
  esac
  [ -x "$bin/mqnamesrv" ] && [ -x "$bin/mqbroker" ] || die "no mqnamesrv/mqbroker in $bin (build them first)"
  running && die "a cluster already runs in $dir (scripts/cluster.sh stop)"
  mkdir -p "$dir"
  : >"$pids"
  echo "$mode" >"$dir/mode"
  local port ns_port
  free_port || die "no free port found"
  ns_port=$port
  printf 'listenPort=%s\nkvConfigPath=%s/kvConfig.json\n' "$ns_port" "$dir" >"$dir/namesrv.conf"
  "$bin/mqnamesrv" -c "$dir/namesrv.conf" >"$dir/namesrv.log" 2>&1 &
  echo "namesrv $!" >>"$pids"
  namesrv="127.0.0.1:$ns_port"
  echo "$namesrv" >"$dir/namesrv.addr"
  wait_boot "$dir/namesrv.log" "mqnamesrv"
  echo "mode $mode in $dir"
  echo "  namesrv $namesrv"
  local names=(broker-a)
  [ "$mode" != 1m ] && names+=(broker-b)
  for name in "${names[@]}"; do
    start_broker "$name" 0 "$master_role"
    case "$mode" in 2m-2s-*) start_broker "$name" 1 SLAVE ;; esac
  done
  echo "NAMESRV_ADDR=$namesrv"
}

stop() {
  [ -f "$pids" ] || { echo "no cluster recorded in $dir"; return 0; }
  # Brokers first (they unregister), the NameServer last.
  local order
  order=$(grep -v '^namesrv ' "$pids" || true; grep '^namesrv ' "$pids" || true)
  while read -r name pid; do
    [ -n "$pid" ] || continue
    if alive "$pid"; then
      kill -TERM "$pid"
      for _ in $(seq 1 100); do alive "$pid" || break; sleep 0.1; done
      alive "$pid" && kill -KILL "$pid"
      echo "stopped $name (pid $pid)"
    fi
  done <<<"$order"
  rm -f "$pids"
}

status() {
  [ -f "$pids" ] || { echo "no cluster recorded in $dir"; return 1; }
  echo "mode $(cat "$dir/mode" 2>/dev/null || echo '?') in $dir"
  local any=1
  while read -r name pid; do
    if alive "$pid"; then
      any=0
      state=running
    else
      state=stopped
    fi
    conf="$dir/$name.conf"
    extra=""
    if [ -f "$conf" ]; then
      extra="$(sed -n 's/^brokerRole=//p' "$conf") 127.0.0.1:$(sed -n 's/^listenPort=//p' "$conf")"
    fi
    printf '  %-12s pid %-7s %-8s %s\n' "$name" "$pid" "$state" "$extra"
  done <"$pids"
  echo "NAMESRV_ADDR=$(cat "$dir/namesrv.addr" 2>/dev/null)"
  return $any
}

case "${1:-}" in
  start) [ $# -ge 2 ] || die "usage: cluster.sh start <1m|2m|2m-2s-async|2m-2s-sync>"; start "$2" ;;
  stop) stop ;;
  status) status ;;
  *) die "usage: cluster.sh start <mode> | stop | status" ;;
esac
