// The JSON form of a ConsumerRunningInfo for `--json` (consumerStatus -i, consumer): Java's field
// names; mqTable as an array of {messageQueue, processQueueInfo} since its keys are objects.
#pragma once

#include "common/json_writer.h"
#include "rocketmq/admin_types.h"
#include "tools/admin/consumer_output.h"

namespace rocketmq::admin::tools {

inline void WriteConsumerRunningInfoJson(JsonWriter& w, const ConsumerRunningInfo& info) {
  w.BeginObject();
  if (!info.jstack.empty()) w.Key("jstack").String(info.jstack);
  w.Key("mqTable").BeginArray();
  for (const auto& [mq, pq] : info.mq_table) {
    w.BeginObject();
    w.Key("messageQueue");
    WriteQueueJson(w, mq);
    w.Key("processQueueInfo").BeginObject();
    w.Key("cachedMsgCount").Int(pq.cached_msg_count);
    w.Key("cachedMsgMaxOffset").Int(pq.cached_msg_max_offset);
    w.Key("cachedMsgMinOffset").Int(pq.cached_msg_min_offset);
    w.Key("cachedMsgSizeInMiB").Int(pq.cached_msg_size_in_mib);
    w.Key("commitOffset").Int(pq.commit_offset);
    w.Key("droped").Bool(pq.droped);
    w.Key("lastConsumeTimestamp").Int(pq.last_consume_timestamp);
    w.Key("lastLockTimestamp").Int(pq.last_lock_timestamp);
    w.Key("lastPullTimestamp").Int(pq.last_pull_timestamp);
    w.Key("locked").Bool(pq.locked);
    w.Key("transactionMsgCount").Int(pq.transaction_msg_count);
    w.Key("transactionMsgMaxOffset").Int(pq.transaction_msg_max_offset);
    w.Key("transactionMsgMinOffset").Int(pq.transaction_msg_min_offset);
    w.Key("tryUnlockTimes").Int(pq.try_unlock_times);
    w.EndObject();
    w.EndObject();
  }
  w.EndArray();
  w.Key("properties").BeginObject();
  for (const auto& [k, v] : info.properties) w.Key(k).String(v);
  w.EndObject();
  w.Key("statusTable").BeginObject();
  for (const auto& [topic, st] : info.status_table) {
    w.Key(topic).BeginObject();
    w.Key("consumeFailedMsgs").Int(st.consume_failed_msgs);
    w.Key("consumeFailedTPS").Double(st.consume_failed_tps);
    w.Key("consumeOKTPS").Double(st.consume_ok_tps);
    w.Key("consumeRT").Double(st.consume_rt);
    w.Key("pullRT").Double(st.pull_rt);
    w.Key("pullTPS").Double(st.pull_tps);
    w.EndObject();
  }
  w.EndObject();
  w.Key("subscriptionSet").BeginArray();
  for (const SubscriptionData& sd : info.subscription_set) {
    w.BeginObject();
    w.Key("classFilterMode").Bool(sd.class_filter_mode);
    w.Key("expressionType").String(sd.expression_type);
    w.Key("subString").String(sd.sub_string);
    w.Key("subVersion").Int(sd.sub_version);
    w.Key("topic").String(sd.topic);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
}

}  // namespace rocketmq::admin::tools
