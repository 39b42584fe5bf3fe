#include "common/model/consumer_running_info.h"

#include <algorithm>

#include "common/json_fields.h"
#include "common/model/json_body.h"
#include "common/model/message_queue_json.h"

namespace rocketmq {

Result<ProcessQueueInfo> ProcessQueueInfo::FromJson(const Json::Value& v) {
  ROCKETMQ_RETURN_IF_ERROR(JsonExpectObject(v, "ProcessQueueInfo"));
  ProcessQueueInfo p;
  ROCKETMQ_RETURN_IF_ERROR(JsonGetInt64(v, "commitOffset", &p.commit_offset));
  ROCKETMQ_RETURN_IF_ERROR(JsonGetInt64(v, "cachedMsgMinOffset", &p.cached_msg_min_offset));
  ROCKETMQ_RETURN_IF_ERROR(JsonGetInt64(v, "cachedMsgMaxOffset", &p.cached_msg_max_offset));
  ROCKETMQ_RETURN_IF_ERROR(JsonGetInt32(v, "cachedMsgCount", &p.cached_msg_count));
  ROCKETMQ_RETURN_IF_ERROR(JsonGetInt32(v, "cachedMsgSizeInMiB", &p.cached_msg_size_in_mib));
  ROCKETMQ_RETURN_IF_ERROR(
      JsonGetInt64(v, "transactionMsgMinOffset", &p.transaction_msg_min_offset));
  ROCKETMQ_RETURN_IF_ERROR(
      JsonGetInt64(v, "transactionMsgMaxOffset", &p.transaction_msg_max_offset));
  ROCKETMQ_RETURN_IF_ERROR(JsonGetInt32(v, "transactionMsgCount", &p.transaction_msg_count));
  ROCKETMQ_RETURN_IF_ERROR(JsonGetBool(v, "locked", &p.locked));
  ROCKETMQ_RETURN_IF_ERROR(JsonGetInt64(v, "tryUnlockTimes", &p.try_unlock_times));
  ROCKETMQ_RETURN_IF_ERROR(JsonGetInt64(v, "lastLockTimestamp", &p.last_lock_timestamp));
  ROCKETMQ_RETURN_IF_ERROR(JsonGetBool(v, "droped", &p.droped));
  ROCKETMQ_RETURN_IF_ERROR(JsonGetInt64(v, "lastPullTimestamp", &p.last_pull_timestamp));
  ROCKETMQ_RETURN_IF_ERROR(JsonGetInt64(v, "lastConsumeTimestamp", &p.last_consume_timestamp));
  return p;
}

void ProcessQueueInfo::WriteJson(JsonWriter& w) const {
  w.BeginObject();
  w.Key("cachedMsgCount").Int(cached_msg_count);
  w.Key("cachedMsgMaxOffset").Int(cached_msg_max_offset);
  w.Key("cachedMsgMinOffset").Int(cached_msg_min_offset);
  w.Key("cachedMsgSizeInMiB").Int(cached_msg_size_in_mib);
  w.Key("commitOffset").Int(commit_offset);
  w.Key("droped").Bool(droped);
  w.Key("lastConsumeTimestamp").Int(last_consume_timestamp);
  w.Key("lastLockTimestamp").Int(last_lock_timestamp);
  w.Key("lastPullTimestamp").Int(last_pull_timestamp);
  w.Key("locked").Bool(locked);
  w.Key("transactionMsgCount").Int(transaction_msg_count);
  w.Key("transactionMsgMaxOffset").Int(transaction_msg_max_offset);
  w.Key("transactionMsgMinOffset").Int(transaction_msg_min_offset);
  w.Key("tryUnlockTimes").Int(try_unlock_times);
  w.EndObject();
}

Result<TopicConsumeStatus> TopicConsumeStatus::FromJson(const Json::Value& v) {
  ROCKETMQ_RETURN_IF_ERROR(JsonExpectObject(v, "TopicConsumeStatus"));
  TopicConsumeStatus s;
  ROCKETMQ_RETURN_IF_ERROR(JsonGetDouble(v, "pullRT", &s.pull_rt));
  ROCKETMQ_RETURN_IF_ERROR(JsonGetDouble(v, "pullTPS", &s.pull_tps));
  ROCKETMQ_RETURN_IF_ERROR(JsonGetDouble(v, "consumeRT", &s.consume_rt));
  ROCKETMQ_RETURN_IF_ERROR(JsonGetDouble(v, "consumeOKTPS", &s.consume_ok_tps));
  ROCKETMQ_RETURN_IF_ERROR(JsonGetDouble(v, "consumeFailedTPS", &s.consume_failed_tps));
  ROCKETMQ_RETURN_IF_ERROR(JsonGetInt64(v, "consumeFailedMsgs", &s.consume_failed_msgs));
  return s;
}

void TopicConsumeStatus::WriteJson(JsonWriter& w) const {
  w.BeginObject();
  w.Key("consumeFailedMsgs").Int(consume_failed_msgs);
  w.Key("consumeFailedTPS").Double(consume_failed_tps);
  w.Key("consumeOKTPS").Double(consume_ok_tps);
  w.Key("consumeRT").Double(consume_rt);
  w.Key("pullRT").Double(pull_rt);
  w.Key("pullTPS").Double(pull_tps);
  w.EndObject();
}

Result<ConsumerRunningInfo> ConsumerRunningInfo::FromJson(const Json::Value& v) {
  ROCKETMQ_RETURN_IF_ERROR(JsonExpectObject(v, "ConsumerRunningInfo"));
  ConsumerRunningInfo info;
  if (const Json::Value* props = JsonFind(v, "properties")) {
    ROCKETMQ_RETURN_IF_ERROR(JsonExpectObject(*props, "properties"));
    for (auto it = props->begin(); it != props->end(); ++it) {
      std::string value;
      ROCKETMQ_RETURN_IF_ERROR(JsonAsString(*it, &value));
      info.properties[it.name()] = std::move(value);
    }
  }
  if (const Json::Value* subs = JsonFind(v, "subscriptionSet")) {
    ROCKETMQ_RETURN_IF_ERROR(JsonExpectArray(*subs, "subscriptionSet"));
    for (const auto& s : *subs) {
      Result<SubscriptionData> sd = SubscriptionData::FromJson(s);
      if (!sd.ok()) return sd.status();
      info.subscription_set.push_back(std::move(*sd));
    }
  }
  ROCKETMQ_RETURN_IF_ERROR(
      ForEachMessageQueueEntry(v, "mqTable", [&info](const MessageQueue& mq, const Json::Value& e) {
        Result<ProcessQueueInfo> pq = ProcessQueueInfo::FromJson(e);
        if (!pq.ok()) return pq.status();
        info.mq_table[mq] = *pq;
        return Status::OK();
      }));
  if (const Json::Value* table = JsonFind(v, "statusTable")) {
    ROCKETMQ_RETURN_IF_ERROR(JsonExpectObject(*table, "statusTable"));
    for (auto it = table->begin(); it != table->end(); ++it) {
      Result<TopicConsumeStatus> cs = TopicConsumeStatus::FromJson(*it);
      if (!cs.ok()) return cs.status();
      info.status_table[it.name()] = *cs;
    }
  }
  if (JsonFind(v, "jstack") != nullptr) {
    info.jstack.emplace();
    ROCKETMQ_RETURN_IF_ERROR(JsonGetString(v, "jstack", &*info.jstack));
  }
  return info;
}

void ConsumerRunningInfo::WriteJson(JsonWriter& w) const {
  w.BeginObject();
  if (jstack) w.Key("jstack").String(*jstack);
  w.Key("mqTable").BeginObject();
  for (const auto& [mq, pq] : mq_table) {
    w.ObjectKey(MessageQueueToJson(mq));
    pq.WriteJson(w);
  }
  w.EndObject();
  w.Key("properties").BeginObject();
  for (const auto& [k, v] : properties) w.Key(k).String(v);
  w.EndObject();
  w.Key("statusTable").BeginObject();
  for (const auto& [topic, cs] : status_table) {
    w.Key(topic);
    cs.WriteJson(w);
  }
  w.EndObject();
  // Java TreeSet<SubscriptionData>: ordered by topic + "@" + subString, duplicates dropped.
  std::vector<const SubscriptionData*> subs;
  for (const auto& s : subscription_set) subs.push_back(&s);
  auto key = [](const SubscriptionData* s) { return s->topic + "@" + s->sub_string; };
  std::stable_sort(
      subs.begin(), subs.end(),
      [&key](const SubscriptionData* a, const SubscriptionData* b) { return key(a) < key(b); });
  subs.erase(std::unique(subs.begin(), subs.end(),
                         [&key](const SubscriptionData* a, const SubscriptionData* b) {
                           return key(a) == key(b);
                         }),
             subs.end());
  w.Key("subscriptionSet").BeginArray();
  for (const SubscriptionData* s : subs) s->WriteJson(w);
  w.EndArray();
  w.EndObject();
}

std::string ConsumerRunningInfo::ToJson() const { return EncodeJsonBody(*this); }

Result<ConsumeMessageDirectlyResult> ConsumeMessageDirectlyResult::FromJson(const Json::Value& v) {
  ROCKETMQ_RETURN_IF_ERROR(JsonExpectObject(v, "ConsumeMessageDirectlyResult"));
  ConsumeMessageDirectlyResult r;
  ROCKETMQ_RETURN_IF_ERROR(JsonGetBool(v, "order", &r.order));
  ROCKETMQ_RETURN_IF_ERROR(JsonGetBool(v, "autoCommit", &r.auto_commit));
  ROCKETMQ_RETURN_IF_ERROR(JsonGetString(v, "consumeResult", &r.consume_result));
  if (JsonFind(v, "remark") != nullptr) {
    r.remark.emplace();
    ROCKETMQ_RETURN_IF_ERROR(JsonGetString(v, "remark", &*r.remark));
  }
  ROCKETMQ_RETURN_IF_ERROR(JsonGetInt64(v, "spentTimeMills", &r.spent_time_mills));
  return r;
}

void ConsumeMessageDirectlyResult::WriteJson(JsonWriter& w) const {
  w.BeginObject();
  w.Key("autoCommit").Bool(auto_commit);
  if (!consume_result.empty()) w.Key("consumeResult").String(consume_result);
  w.Key("order").Bool(order);
  if (remark) w.Key("remark").String(*remark);
  w.Key("spentTimeMills").Int(spent_time_mills);
  w.EndObject();
}

std::string ConsumeMessageDirectlyResult::ToJson() const { return EncodeJsonBody(*this); }

}  // namespace rocketmq
