#!/usr/bin/env bash
# Interop test: ali-ons (a pure-JavaScript RocketMQ client from npm that this project did not
# write) produces to and consumes from the bundled mqnamesrv + mqbroker.
#
#   run_interop.sh <scenario> <bin_dir> <interop_admin> <npm_cache_dir> <source_dir>
#
# Scenarios:
#   basic            ASYNC_FLUSH broker; produce 100, consume them all with '*' and a second
#                    group with the tag expression 'TagA || TagB'.
#   sync_flush_kill  SYNC_FLUSH broker; produce 2000 recording every SendResult, SIGKILL the broker,
#                    restart it on the same store and config, consume from the first offset and
#                    check every acknowledged message reads back byte-identical.
#   sync_flush_kill_inflight
#                    SYNC_FLUSH broker SIGKILLed while 16 sends are in flight (after 1000 acks of
#                    4000); after the restart every acknowledged message must read back, and
#                    anything else stored must be exactly a message the producer tried to send.
#   acl              aclEnable=true broker (conf/plain_acl.yml under rocketmqHome): ali-ons signing
#                    as an account allowed on the topic produces 50 and consumes them; unsigned,
#                    with a wrong secret, and as an account denied the topic it is refused with
#                    4.9.8's remark and its consumer gets nothing; the refused sends stored nothing.
#
# Exits 0 on success, 1 on failure, 77 (ctest SKIP_RETURN_CODE) only when node/npm are missing or
# the npm registry is unreachable and ali-ons is not cached yet. Every process it starts is
# killed by PID on exit and its temporary directory is removed.
set -euo pipefail

readonly kSkip=77
readonly kAliOnsVersion=3.12.0
readonly kBootTimeoutSec=60

scenario=${1:?scenario}
bin_dir=${2:?bin_dir}
admin=${3:?interop_admin}
cache_dir=${4:?npm_cache_dir}
src_dir=${5:?source_dir}

log() { echo "[interop $(date +%T)] $*"; }
fail() {
  echo "FAIL: $*"
  exit 1
}
skip() {
  echo "SKIP: $*"
  exit "$kSkip"
}

work=""
pids=()
cleanup() {
  local rc=$?
  set +e
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null; done
  for pid in "${pids[@]}"; do
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
  done
  if [ -n "$work" ]; then
    if [ "$rc" -ne 0 ] && [ "$rc" -ne "$kSkip" ]; then
      for f in "$work"/*.log; do
        [ -f "$f" ] || continue
        echo "----- last lines of $(basename "$f") -----"
        tail -n 40 "$f"
      done
    fi
    rm -rf "$work"
  fi
  exit "$rc"
}
# Drops a PID that was already killed and reaped, so cleanup never signals a recycled PID.
forget_pid() {
  local keep=() pid
  for pid in "${pids[@]}"; do [ "$pid" = "$1" ] || keep+=("$pid"); done
  pids=("${keep[@]}")
}
trap cleanup EXIT
trap 'exit 143' INT TERM

# --- 1. prerequisites -----------------------------------------------------------------------
command -v node >/dev/null 2>&1 || skip "node is not installed (scripts/install_deps.sh installs it)"
command -v npm >/dev/null 2>&1 || skip "npm is not installed (scripts/install_deps.sh installs it)"
node_major=$(node -p 'process.versions.node.split(".")[0]')
[ "$node_major" -ge 12 ] || fail "node $(node --version) is too old for ali-ons (needs >= 12)"
for b in mqnamesrv mqbroker; do
  [ -x "$bin_dir/$b" ] || fail "$bin_dir/$b is missing: build the '$b' target first"
done
[ -x "$admin" ] || fail "$admin is missing: build the 'interop_admin' target first"

# --- 2. ali-ons, installed once per build directory (npm ci from the pinned lockfile) -------
install_ali_ons() {
  mkdir -p "$(dirname "$cache_dir")"
  exec 9>"$cache_dir.lock"
  flock -w 900 9 || fail "timed out waiting for another test's npm install ($cache_dir.lock)"
  local want
  want=$(cat "$src_dir/package.json" "$src_dir/package-lock.json" | sha256sum | cut -c1-64)
  if [ -f "$cache_dir/.stamp" ] && [ "$(cat "$cache_dir/.stamp")" = "$want" ]; then
    exec 9>&-
    return
  fi
  log "installing ali-ons@$kAliOnsVersion with npm into $cache_dir"
  if ! timeout 60 npm ping --fetch-retries=0 >/dev/null 2>&1; then
    skip "the npm registry is unreachable and ali-ons is not cached in $cache_dir"
  fi
  local tmp
  tmp=$(mktemp -d "$cache_dir.tmp.XXXXXX")
  cp "$src_dir/package.json" "$src_dir/package-lock.json" "$tmp/"
  if ! (cd "$tmp" && timeout 600 npm ci --no-audit --no-fund --ignore-scripts --loglevel=error \
      >"$tmp/npm.log" 2>&1); then
    cat "$tmp/npm.log"
    rm -rf "$tmp"
    fail "npm ci failed although the registry answers"
  fi
  local got
  got=$(node -p "require('$tmp/node_modules/ali-ons/package.json').version")
  [ "$got" = "$kAliOnsVersion" ] || fail "npm installed ali-ons $got, expected $kAliOnsVersion"
  echo "$want" >"$tmp/.stamp"
  rm -rf "$cache_dir"
  mv "$tmp" "$cache_dir"
  exec 9>&-
}
install_ali_ons
export ALI_ONS_MODULES="$cache_dir/node_modules"

work=$(mktemp -d "${TMPDIR:-/tmp}/rmq-interop-$scenario.XXXXXX")
export HOME="$work"  # anything a server writes under ~ stays in the temp dir

# --- 3. servers -----------------------------------------------------------------------------
# A free loopback port P whose neighbours P-2 (Java's fast/VIP port) and P+1 (HA port) are free
# too, found by binding port 0 and closing.
free_port() {
  node -e '
    const net = require("net");
    const tryBind = p => new Promise(res => {
      const s = net.createServer();
      s.once("error", () => res(0));
      s.listen(p, "127.0.0.1", () => { const got = s.address().port; s.close(() => res(got)); });
    });
    (async () => {
      for (let i = 0; i < 50; i++) {
        const p = await tryBind(0);
        if (p > 1026 && p < 65534 && await tryBind(p - 2) && await tryBind(p + 1)) {
          console.log(p);
          return;
        }
      }
      process.exit(1);
    })();'
}

# wait_boot <pid> <log> <pattern>: the boot line, or fail if the process exits or time runs out.
wait_boot() {
  local pid=$1 file=$2 pattern=$3
  local deadline=$((SECONDS + kBootTimeoutSec))
  while [ "$SECONDS" -lt "$deadline" ]; do
    if grep -q -- "$pattern" "$file" 2>/dev/null; then
      log "$(grep -m1 -- "$pattern" "$file")"
      return
    fi
    kill -0 "$pid" 2>/dev/null || fail "$(basename "$file" .log) (pid $pid) exited before its boot line"
    sleep 0.1
  done
  fail "no '$pattern' in $file within ${kBootTimeoutSec}s"
}

ns_port=$(free_port) || fail "no free port for the NameServer"
broker_port=$(free_port) || fail "no free port for the broker"
[ "$ns_port" != "$broker_port" ] || broker_port=$(free_port)
namesrv_addr="127.0.0.1:$ns_port"
broker_addr="127.0.0.1:$broker_port"

mkdir -p "$work/namesrv" "$work/store"
cat >"$work/namesrv.conf" <<EOF
listenAddress=127.0.0.1
listenPort=$ns_port
kvConfigPath=$work/namesrv/kvConfig.json
EOF

flush=ASYNC_FLUSH
case "$scenario" in sync_flush_kill*) flush=SYNC_FLUSH ;; esac
cat >"$work/broker.conf" <<EOF
brokerClusterName=InteropCluster
brokerName=interop-broker-a
brokerId=0
brokerIP1=127.0.0.1
listenPort=$broker_port
namesrvAddr=$namesrv_addr
storePathRootDir=$work/store
storePathCommitLog=$work/store/commitlog
flushDiskType=$flush
autoCreateTopicEnable=false
mappedFileSizeCommitLog=1048576
EOF
admin_auth=()
if [ "$scenario" = acl ]; then
  mkdir -p "$work/home/conf"
  cat >>"$work/broker.conf" <<EOF
aclEnable=true
rocketmqHome=$work/home
EOF
  cat >"$work/home/conf/plain_acl.yml" <<EOF
globalWhiteRemoteAddresses:
  - 10.10.103.*
accounts:
  - accessKey: InteropAdmin1
    secretKey: InteropAdminSecret1
    admin: true
  - accessKey: InteropUser1
    secretKey: InteropSecret1
    defaultTopicPerm: DENY
    defaultGroupPerm: SUB
    topicPerms:
      - InteropTopic_acl=PUB|SUB
  - accessKey: InteropOther1
    secretKey: InteropSecret2
    defaultTopicPerm: DENY
    defaultGroupPerm: SUB
EOF
  admin_auth=(--access-key InteropAdmin1 --secret-key InteropAdminSecret1)
fi

"$bin_dir/mqnamesrv" -c "$work/namesrv.conf" >"$work/namesrv.log" 2>&1 &
ns_pid=$!
pids+=("$ns_pid")
wait_boot "$ns_pid" "$work/namesrv.log" "The Name Server boot success"

broker_pid=""
broker_boots=0
start_broker() {
  broker_boots=$((broker_boots + 1))
  local out="$work/broker$broker_boots.log"
  "$bin_dir/mqbroker" -c "$work/broker.conf" -n "$namesrv_addr" >"$out" 2>&1 &
  broker_pid=$!
  pids+=("$broker_pid")
  wait_boot "$broker_pid" "$out" "boot success"
}
start_broker

topic="InteropTopic_$scenario"
"$admin" create-topic --broker "$broker_addr" --topic "$topic" --queues 4 --timeout-ms 30000 \
  "${admin_auth[@]}" || fail "could not create $topic"
"$admin" wait-route --namesrv "$namesrv_addr" --broker "$broker_addr" --topic "$topic" \
  --timeout-ms 30000 || fail "$topic never appeared in the NameServer's route"

check() { node "$src_dir/alions_check.js" "$@"; }
acks="$work/acks.jsonl"
ack_count() { if [ -f "$acks" ]; then wc -l <"$acks"; else echo 0; fi; }

# --- 4. scenarios ---------------------------------------------------------------------------
case "$scenario" in
  basic)
    check produce --namesrv "$namesrv_addr" --topic "$topic" --count 100 --acks "$acks" \
      --concurrency 4 || fail "ali-ons could not send all 100 messages"
    check consume --namesrv "$namesrv_addr" --topic "$topic" --acks "$acks" \
      --group interop_cg_all --expression '*' --timeout-ms 60000 ||
      fail "ali-ons did not read back every message"
    check consume --namesrv "$namesrv_addr" --topic "$topic" --acks "$acks" \
      --group interop_cg_tags --expression 'TagA || TagB' --timeout-ms 60000 ||
      fail "ali-ons with 'TagA || TagB' did not read back exactly the TagA/TagB messages"
    ;;
  sync_flush_kill)
    check produce --namesrv "$namesrv_addr" --topic "$topic" --count 2000 --acks "$acks" \
      --concurrency 16 || fail "ali-ons could not send all 2000 messages under SYNC_FLUSH"
    log "$(wc -l <"$acks") sends acknowledged; SIGKILL broker pid $broker_pid"
    kill -KILL "$broker_pid"
    wait "$broker_pid" 2>/dev/null || true
    forget_pid "$broker_pid"
    start_broker
    "$admin" wait-route --namesrv "$namesrv_addr" --broker "$broker_addr" --topic "$topic" \
      --timeout-ms 30000 || fail "$topic lost its route after the restart"
    check consume --namesrv "$namesrv_addr" --topic "$topic" --acks "$acks" \
      --group interop_cg_after_kill --expression '*' --timeout-ms 120000 ||
      fail "not every acknowledged message came back after SIGKILL + restart"
    ;;
  sync_flush_kill_inflight)
    check produce --namesrv "$namesrv_addr" --topic "$topic" --count 4000 --acks "$acks" \
      --concurrency 16 --allow-failures 1 >"$work/producer.out" 2>&1 &
    producer_pid=$!
    pids+=("$producer_pid")
    deadline=$((SECONDS + 60))
    while [ "$(ack_count)" -lt 1000 ]; do
      kill -0 "$producer_pid" 2>/dev/null || fail "the producer ended before 1000 acks"
      [ "$SECONDS" -lt "$deadline" ] || fail "fewer than 1000 acks within 60 s"
      sleep 0.01
    done
    kill -KILL "$broker_pid"
    wait "$broker_pid" 2>/dev/null || true
    forget_pid "$broker_pid"
    log "SIGKILLed broker pid $broker_pid after $(ack_count) acks"
    producer_rc=0
    wait "$producer_pid" || producer_rc=$?
    forget_pid "$producer_pid"
    grep -E '^(produce:|  send failed)' "$work/producer.out" | head -n 4 || true
    [ "$producer_rc" -eq 0 ] || fail "the producer failed (exit $producer_rc)"
    start_broker
    "$admin" wait-route --namesrv "$namesrv_addr" --broker "$broker_addr" --topic "$topic" \
      --timeout-ms 30000 || fail "$topic lost its route after the restart"
    check consume --namesrv "$namesrv_addr" --topic "$topic" --acks "$acks" \
      --group interop_cg_inflight --expression '*' --timeout-ms 120000 --allow-unexpected 1 ||
      fail "not every acknowledged message came back after a SIGKILL during sends"
    ;;
  acl)
    user=(--access-key InteropUser1 --secret-key InteropSecret1)
    check produce --namesrv "$namesrv_addr" --topic "$topic" --count 50 --acks "$acks" \
      --concurrency 4 "${user[@]}" || fail "ali-ons signing as InteropUser1 could not send"
    check refused --namesrv "$namesrv_addr" --topic "$topic" --group interop_cg_unsigned \
      --expect "No accessKey is configured" || fail "an unsigned ali-ons client was not refused"
    check refused --namesrv "$namesrv_addr" --topic "$topic" --group interop_cg_wrong_secret \
      --access-key InteropUser1 --secret-key WrongSecret1 \
      --expect "Check signature failed for accessKey=InteropUser1" ||
      fail "ali-ons with a wrong secret was not refused"
    # ali-ons keeps this remark to itself (it retries the send, and logs no heartbeat or pull
    # error): the broker's log shows which requests it refused and why.
    check refused --namesrv "$namesrv_addr" --topic "$topic" --group interop_cg_denied \
      --access-key InteropOther1 --secret-key InteropSecret2 ||
      fail "ali-ons as an account without the topic was not refused"
    for code in 310 34; do
      grep -q "request code $code from .* refused: .*No default permission for topic:$topic" \
        "$work/broker1.log" || fail "the broker logged no refusal of code $code for $topic"
    done
    # Exactly the 50 acknowledged messages, nothing from the refused clients.
    check consume --namesrv "$namesrv_addr" --topic "$topic" --acks "$acks" \
      --group interop_cg_acl --expression '*' --timeout-ms 60000 "${user[@]}" ||
      fail "ali-ons signing as InteropUser1 did not read back exactly the acknowledged messages"
    ;;
  *)
    fail "unknown scenario $scenario"
    ;;
esac
# --- 5. graceful stop: the servers must exit cleanly, without sanitizer reports ---------------
# Broker first (newest first), so it can still unregister from the NameServer.
stop_order=("${pids[@]}")
for ((i = ${#stop_order[@]} - 1; i >= 0; i--)); do
  pid=${stop_order[$i]}
  kill -TERM "$pid" 2>/dev/null || true
  stop_deadline=$((SECONDS + 30))
  while kill -0 "$pid" 2>/dev/null && [ "$SECONDS" -lt "$stop_deadline" ]; do sleep 0.1; done
  kill -0 "$pid" 2>/dev/null && fail "pid $pid did not exit within 30 s of SIGTERM"
  stop_rc=0
  wait "$pid" || stop_rc=$?
  forget_pid "$pid"
  [ "$stop_rc" -eq 0 ] || fail "pid $pid exited with status $stop_rc after SIGTERM"
done
if grep -l -E 'AddressSanitizer|LeakSanitizer|ThreadSanitizer|runtime error:' "$work"/*.log; then
  fail "sanitizer report in the server logs above"
fi
log "scenario $scenario passed"
