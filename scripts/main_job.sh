#!/usr/bin/env bash
# The main job: shows the toolkit working end to end on this machine (loopback only).
#  1. remoting_demo: a RemotingClient and a RemotingServer exchange sync, async and oneway calls;
#  2. starts the bundled mqnamesrv + mqbroker on 127.0.0.1 (free ports, a temporary store),
#     creates a topic, sends messages and pulls them back (cluster_demo), prints the cluster's
#     brokers, runs every example producer (20 messages each to ExampleTopic; request_reply with
#     its built-in responder), then each example consumer on a topic of its own that holds
#     exactly the 100 messages it must read, prints `mqadmin clusterList` and `mqadmin
#     topicStatus` of the cluster, then stops both servers with SIGTERM.
# Run after scripts/build.sh (scripts/build.sh --no-tests is enough). BUILD_DIR overrides the
# build directory (default: build).
set -euo pipefail
cd "$(dirname "$0")/.."
bin=$(cd "${BUILD_DIR:-build}/bin" && pwd)

echo "== remoting: client <-> server over 127.0.0.1 =="
"$bin/remoting_demo"

work=$(mktemp -d "${TMPDIR:-/tmp}/rocketmq-main-job.XXXXXX")
pids=()
cleanup() {
  local rc=$?
  if [ "$rc" -ne 0 ]; then
    for log in "$work"/*.out; do
      [ -f "$log" ] && { echo "--- last lines of $(basename "$log") ---"; tail -n 20 "$log"; } >&2
    done
  fi
  for pid in "${pids[@]}"; do kill -KILL "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

# free_port (sets $port).
source scripts/ports.sh

wait_for_line() {  # file pattern what
  for _ in $(seq 1 300); do
    grep -q "$2" "$1" 2>/dev/null && return 0
    sleep 0.1
  done
  echo "$3 did not start; its output:" >&2
  cat "$1" >&2
  return 1
}

free_port
ns_port=$port
free_port
broker_port=$port
cat > "$work/namesrv.conf" <<CONF
listenPort=$ns_port
listenAddress=127.0.0.1
kvConfigPath=$work/namesrv/kvConfig.json
CONF
cat > "$work/broker.conf" <<CONF
brokerClusterName=DefaultCluster
brokerName=broker-a
brokerId=0
brokerIP1=127.0.0.1
listenPort=$broker_port
namesrvAddr=127.0.0.1:$ns_port
storePathRootDir=$work/store
storePathCommitLog=$work/store/commitlog
flushDiskType=ASYNC_FLUSH
autoCreateTopicEnable=true
CONF

echo
echo "== bundled cluster: mqnamesrv 127.0.0.1:$ns_port, mqbroker 127.0.0.1:$broker_port =="
HOME="$work" "$bin/mqnamesrv" -c "$work/namesrv.conf" > "$work/namesrv.out" 2>&1 &
pids+=($!)
ns_pid=$!
wait_for_line "$work/namesrv.out" "boot success" mqnamesrv
grep "boot success" "$work/namesrv.out"
HOME="$work" "$bin/mqbroker" -c "$work/broker.conf" > "$work/broker.out" 2>&1 &
pids+=($!)
broker_pid=$!
wait_for_line "$work/broker.out" "boot success" mqbroker
grep "boot success" "$work/broker.out"

"$bin/cluster_demo" -n "127.0.0.1:$ns_port" -t MainJobTopic -c 16

echo
echo "== example producers (public API only): each sends 20 messages to ExampleTopic =="
producers=(sync_producer async_producer oneway_producer orderly_producer batch_producer
           delay_producer transaction_producer request_reply)
for example in "${producers[@]}"; do
  last=$("$bin/examples/$example" -n "127.0.0.1:$ns_port" -t ExampleTopic -c 20 -s 64 \
         -g "${example}_group" | tail -n 1)
  echo "$example: $last"
  [ "$last" = "sent=20 failed=0" ]
done

echo
echo "== example consumers (public API only): each reads a topic of its own =="
echo "sync_producer first puts exactly 100 messages into <consumer>_topic; the consumer, in a new"
echo "group starting from the first offset, must read back exactly those 100."
for example in push_consumer orderly_consumer lite_pull_consumer pull_consumer; do
  topic="${example}_topic"
  sent=$("$bin/examples/sync_producer" -n "127.0.0.1:$ns_port" -t "$topic" -c 100 -s 64 \
         -g "${example}_feeder_group" | tail -n 1)
  [ "$sent" = "sent=100 failed=0" ] || { echo "filling $topic: $sent" >&2; false; }
  last=$("$bin/examples/$example" -n "127.0.0.1:$ns_port" -t "$topic" -c 100 -w 60 \
         -g "${example}_group" | tail -n 1)
  echo "$example: $last of the 100 messages in $topic"
  [ "$last" = "received=100" ]
done

echo
echo "== mqadmin: the cluster and the example topic, as Java's mqadmin prints them =="
echo "\$ mqadmin clusterList -n 127.0.0.1:$ns_port"
"$bin/mqadmin" clusterList -n "127.0.0.1:$ns_port"
# ExampleTopic holds what the producers sent plus request_reply's warm-up message (its responder
# sends one first so that the topic exists when its consumer starts). delay_producer's messages
# reach the topic 5 s after they were sent: wait until all are there (at most 30 s).
expected=$(( ${#producers[@]} * 20 + 1 ))
for _ in $(seq 1 60); do
  status=$("$bin/mqadmin" topicStatus -n "127.0.0.1:$ns_port" -t ExampleTopic)
  total=$(printf '%s\n' "$status" | awk 'NR > 1 { n += $4 - $3 } END { print n + 0 }')
  [ "$total" -eq "$expected" ] && break
  sleep 0.5
done
echo "\$ mqadmin topicStatus -n 127.0.0.1:$ns_port -t ExampleTopic"
printf '%s\n' "$status"
echo "ExampleTopic holds $total messages (max - min offsets): ${#producers[@]} producers x 20, plus the"
echo "one message request_reply's responder sends first to create the topic."
[ "$total" -eq "$expected" ]

kill -TERM "$broker_pid"
wait "$broker_pid" && echo "mqbroker stopped cleanly (SIGTERM)"
kill -TERM "$ns_pid"
wait "$ns_pid" && echo "mqnamesrv stopped cleanly (SIGTERM)"
pids=()
