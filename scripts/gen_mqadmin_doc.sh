#!/usr/bin/env bash
# Writes docs/mqadmin.md: for every mqadmin subcommand, its description, its usage (what
# `mqadmin help <cmd>` prints) and an example run with its real output, taken from a local
# 2m-2s-sync cluster of the bundled servers that this script starts (scripts/cluster.sh), loads
# with the example producer and consumer, and stops again.
#
#   scripts/gen_mqadmin_doc.sh [build/bin]     (after scripts/build.sh)
#
# The usage blocks are checked by ctest (test/scripts/mqadmin_doc_test.sh); example outputs
# carry times and offsets of the run that produced them, so re-run this script after changing
# a command's output.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
bin="$(cd "${1:-$repo/build/bin}" && pwd)"
doc="$repo/docs/mqadmin.md"
export CLUSTER_DIR
CLUSTER_DIR="$(mktemp -d /tmp/mqadmin-doc.XXXXXX)"
cleanup() { ROCKETMQ_BIN="$bin" bash "$repo/scripts/cluster.sh" stop >/dev/null 2>&1 || true; rm -rf "$CLUSTER_DIR"; }
trap cleanup EXIT

ns=$(ROCKETMQ_BIN="$bin" bash "$repo/scripts/cluster.sh" start 2m-2s-sync | sed -n 's/.*NAMESRV_ADDR=\([^ ]*\).*/\1/p' | tail -n 1)
[ -n "$ns" ] || { echo "gen_mqadmin_doc: the cluster did not start" >&2; exit 1; }
# Each run is bounded: clusterRT and clusterList -i repeat until stopped, as in Java.
# consumerStatus writes ./<ms>/<clientId> files as Java's does: run from the scratch directory.
mq() { (cd "$CLUSTER_DIR" && timeout 8 "$bin/mqadmin" "$@" 2>&1) || true; }

# Traffic: a topic on both masters, 100 messages with keys and tags, an online consumer group
# that read them, and a second group that never connected.
mq updateTopic -n "$ns" -c DefaultCluster -t DocTopic -r 4 -w 4 >/dev/null
mq updateSubGroup -n "$ns" -c DefaultCluster -g DocGroup >/dev/null
sleep 2
"$bin/examples/sync_producer" -n "$ns" -t DocTopic -c 100 -s 32 -g DocSeedProducer >/dev/null
# A producer (2 messages/s) and a consumer stay online while the examples run.
"$bin/mqbench" producer -n "$ns" -t DocTopic -s 32 -w 1 -rate 2 -duration_s 300 -g DocProducer \
    >/dev/null 2>&1 &
online_pids=($!)
"$bin/mqbench" consumer -n "$ns" -t DocTopic -duration_s 300 -g DocGroup >/dev/null 2>&1 &
online_pids+=($!)
trap 'kill "${online_pids[@]}" 2>/dev/null; cleanup' EXIT
sleep 8
broker_a=$(mq clusterList -n "$ns" | awk '$2=="broker-a" && $3=="0" {print $4}')
broker_a_slave=$(mq clusterList -n "$ns" | awk '$2=="broker-a" && $3=="1" {print $4}')
msg_line=$(mq queryMsgByKey -n "$ns" -t DocTopic -k KEY0 | sed -n 2p)
uniq_key=$(echo "$msg_line" | awk '{print $1}')
offset_id=$(mq queryMsgByOffset -n "$ns" -t DocTopic -b broker-a -i 0 -o 0 | awk '$1=="OffsetID:" {print $2}')

# name | example arguments (NS, BROKER_A, BROKER_A_SLAVE, UNIQ_KEY, OFFSET_ID are substituted)
examples=$(cat <<'EOF'
updateTopic|-n NS -c DefaultCluster -t DocTopic2 -r 4 -w 4
deleteTopic|-n NS -c DefaultCluster -t DocTopic2
updateSubGroup|-n NS -c DefaultCluster -g DocGroup2
deleteSubGroup|-n NS -c DefaultCluster -g DocGroup2
updateBrokerConfig|-n NS -b BROKER_A -k maxMessageSize -v 4194304
updateTopicPerm|-n NS -c DefaultCluster -t DocTopic -p 6
topicRoute|-n NS -t DocTopic
topicStatus|-n NS -t DocTopic
topicClusterList|-n NS -t DocTopic
brokerStatus|-n NS -b BROKER_A
queryMsgById|-n NS -i OFFSET_ID
queryMsgByKey|-n NS -t DocTopic -k KEY0
queryMsgByUniqueKey|-n NS -t DocTopic -i UNIQ_KEY
queryMsgByOffset|-n NS -t DocTopic -b broker-a -i 0 -o 0
queryMsgTraceById|-n NS -i UNIQ_KEY
printMsg|-n NS -t DocTopic -s TagA -d false
printMsgByQueue|-n NS -t DocTopic -a broker-a -i 0 -f true
sendMsgStatus|-n NS -b broker-a -c 3
brokerConsumeStats|-n NS -b BROKER_A
producerConnection|-n NS -g DocProducer -t DocTopic
consumerConnection|-n NS -g DocGroup
consumerProgress|-n NS -g DocGroup
consumerStatus|-n NS -g DocGroup
cloneGroupOffset|-n NS -s DocGroup -d DocGroup3 -t DocTopic
producer|-n NS -b BROKER_A
consumer|-n NS -g DocGroup
clusterList|-n NS
topicList|-n NS -c
updateKvConfig|-n NS -s DocNamespace -k docKey -v docValue
deleteKvConfig|-n NS -s DocNamespace -k docKey
wipeWritePerm|-n NS -b broker-b
addWritePerm|-n NS -b broker-b
resetOffsetByTime|-n NS -g DocGroup -t DocTopic -s now
skipAccumulatedMessage|-n NS -g DocGroup -t DocTopic
updateOrderConf|-n NS -t DocTopic -m put -v "broker-a:4;broker-b:4"
cleanExpiredCQ|-n NS -c DefaultCluster
deleteExpiredCommitLog|-n NS -c DefaultCluster
cleanUnusedTopic|-n NS -c DefaultCluster
startMonitoring|-n NS
statsAll|-n NS -t DocTopic
allocateMQ|-n NS -t DocTopic -i 10.0.0.1,10.0.0.2
checkMsgSendRT|-n NS -t DocTopic -a 5 -s 64
clusterRT|-n NS -a 5 -s 64 -i 2
getNamesrvConfig|-n NS
updateNamesrvConfig|-n NS -k orderMessageEnable -v false
getBrokerConfig|-n NS -b BROKER_A
getConsumerConfig|-n NS -g DocGroup
queryCq|-n NS -t DocTopic -q 0 -i 0 -c 2 -b BROKER_A
sendMessage|-n NS -t DocTopic -p "hello from mqadmin" -k DocKey -c TagA
consumeMessage|-n NS -t DocTopic -b broker-a -i 0 -o 0 -c 2
updateAclConfig|-n NS -b BROKER_A -a DocAccessKey -s DocSecretKey
deleteAclConfig|-n NS -b BROKER_A -a DocAccessKey
clusterAclConfigVersion|-n NS -c DefaultCluster
updateGlobalWhiteAddr|-n NS -b BROKER_A -g 10.10.103.*
exportMetadata|-n NS -c DefaultCluster -f EXPORT_DIR
exportConfigs|-n NS -c DefaultCluster -f EXPORT_DIR
exportMetrics|-n NS -c DefaultCluster -f EXPORT_DIR
EOF
)

{
  echo "# mqadmin"
  echo
  echo "\`build/bin/mqadmin\` inspects and changes RocketMQ clusters. It takes the command lines of Apache"
  echo "RocketMQ 4.9.8's Java \`mqadmin\` and prints the same text, so scripts written against Java's output"
  echo "work with it; it works against real Java clusters and against the bundled \`mqnamesrv\`/\`mqbroker\`."
  echo
  echo "Differences from Java, on purpose:"
  echo
  echo "- A failure (unreachable NameServer, unknown topic or group, a broker's error answer) prints one"
  echo "  line on stderr, \`mqadmin <cmd>: <what failed, where, the server's remark>\`, and exits 1 (Java"
  echo "  prints a stack trace and exits 0). Usage errors print the usage and exit 1, as Java does."
  echo "- \`--json\` on a read subcommand prints the same data as one JSON document on stdout."
  echo "- \`queryMsgById\` accepts offset message ids and client UNIQ_KEYs of IPv4 and IPv6 hosts."
  echo "- \`consumer\` (Java's ConsumerSubCommand, unregistered in 4.9.8) is available."
  echo "- \`startMonitoring\` and \`queryMsgTraceById\` need Java's monitoring service and trace topic; they"
  echo "  explain that and exit 1."
  echo
  echo "The NameServer comes from \`-n host:port[;host:port]\` or the \`NAMESRV_ADDR\` environment variable."
  echo "When \`\$ROCKETMQ_HOME/conf/tools.yml\` holds an \`accessKey\` and a \`secretKey\`, requests are signed"
  echo "with them (ACL), as Java's mqadmin does."
  echo
  echo "\`mqadmin\` alone lists the subcommands; \`mqadmin help <cmd>\` prints a usage. The examples below ran"
  echo "against a local \`scripts/cluster.sh start 2m-2s-sync\` cluster (addresses, times and offsets are"
  echo "those of that run; \`scripts/gen_mqadmin_doc.sh\` writes this file)."
  echo
  echo "## Subcommands"
  echo
  "$bin/mqadmin" | sed -n 's/^   \([A-Za-z]*\) .*/\1/p' | while read -r name; do
    echo "- [$name](#$(echo "$name" | tr 'A-Z' 'a-z'))"
  done
  echo
  while IFS='|' read -r name args; do
    export_dir="$CLUSTER_DIR/export-$name"
    args=${args//NS/$ns}
    args=${args//BROKER_A_SLAVE/$broker_a_slave}
    args=${args//BROKER_A/$broker_a}
    args=${args//UNIQ_KEY/$uniq_key}
    args=${args//OFFSET_ID/$offset_id}
    args=${args//EXPORT_DIR/$export_dir}
    desc=$("$bin/mqadmin" | awk -v n="$name" '$1==n {sub(/^ *[^ ]+ +/, ""); print}')
    echo "## $name"
    echo
    echo "$desc"
    echo
    echo '```'
    "$bin/mqadmin" help "$name"
    echo '```'
    echo
    echo "Example:"
    echo
    echo '```'
    echo "\$ mqadmin $name $args"
    # Some outputs end without a newline, as Java's do; the block still closes on its own line.
    printf '%s\n' "$(eval "mq $name $args" | head -n 40)"
    echo '```'
    echo
  done <<<"$examples"
} >"$doc.tmp"
mv "$doc.tmp" "$doc"
echo "wrote $doc"
