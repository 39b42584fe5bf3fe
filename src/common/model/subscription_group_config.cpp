#include "common/model/subscription_group_config.h"

#include <vector>

#include "common/java_hash.h"
#include "common/json_fields.h"
#include "common/model/json_body.h"

namespace rocketmq {

bool SubscriptionGroupConfig::operator==(const SubscriptionGroupConfig& o) const {
  return group_name == o.group_name && consume_enable == o.consume_enable &&
         consume_from_min_enable == o.consume_from_min_enable &&
         consume_broadcast_enable == o.consume_broadcast_enable &&
         retry_queue_nums == o.retry_queue_nums && retry_max_times == o.retry_max_times &&
         broker_id == o.broker_id &&
         which_broker_when_consume_slowly == o.which_broker_when_consume_slowly &&
         notify_consumer_ids_changed_enable == o.notify_consumer_ids_changed_enable &&
         consume_message_orderly == o.consume_message_orderly &&
         consume_timeout_minute == o.consume_timeout_minute && group_sys_flag == o.group_sys_flag;
}

Result<SubscriptionGroupConfig> SubscriptionGroupConfig::FromJson(const Json::Value& v) {
  if (!v.isObject()) return Status::Corruption("json: SubscriptionGroupConfig not an object");
  SubscriptionGroupConfig c;
  ROCKETMQ_RETURN_IF_ERROR(JsonGetString(v, "groupName", &c.group_name));
  ROCKETMQ_RETURN_IF_ERROR(JsonGetBool(v, "consumeEnable", &c.consume_enable));
  ROCKETMQ_RETURN_IF_ERROR(JsonGetBool(v, "consumeFromMinEnable", &c.consume_from_min_enable));
  ROCKETMQ_RETURN_IF_ERROR(JsonGetBool(v, "consumeBroadcastEnable", &c.consume_broadcast_enable));
  ROCKETMQ_RETURN_IF_ERROR(JsonGetInt32(v, "retryQueueNums", &c.retry_queue_nums));
  ROCKETMQ_RETURN_IF_ERROR(JsonGetInt32(v, "retryMaxTimes", &c.retry_max_times));
  ROCKETMQ_RETURN_IF_ERROR(JsonGetInt64(v, "brokerId", &c.broker_id));
  ROCKETMQ_RETURN_IF_ERROR(
      JsonGetInt64(v, "whichBrokerWhenConsumeSlowly", &c.which_broker_when_consume_slowly));
  ROCKETMQ_RETURN_IF_ERROR(
      JsonGetBool(v, "notifyConsumerIdsChangedEnable", &c.notify_consumer_ids_changed_enable));
  if (JsonFind(v, "consumeMessageOrderly") != nullptr) {
    c.consume_message_orderly.emplace(false);
    ROCKETMQ_RETURN_IF_ERROR(JsonGetBool(v, "consumeMessageOrderly", &*c.consume_message_orderly));
  }
  if (JsonFind(v, "consumeTimeoutMinute") != nullptr) {
    c.consume_timeout_minute.emplace(0);
    ROCKETMQ_RETURN_IF_ERROR(JsonGetInt32(v, "consumeTimeoutMinute", &*c.consume_timeout_minute));
  }
  if (JsonFind(v, "groupSysFlag") != nullptr) {
    c.group_sys_flag.emplace(0);
    ROCKETMQ_RETURN_IF_ERROR(JsonGetInt32(v, "groupSysFlag", &*c.group_sys_flag));
  }
  return c;
}

void SubscriptionGroupConfig::WriteJson(JsonWriter& w) const {
  w.BeginObject();
  w.Key("brokerId").Int(broker_id);
  w.Key("consumeBroadcastEnable").Bool(consume_broadcast_enable);
  w.Key("consumeEnable").Bool(consume_enable);
  w.Key("consumeFromMinEnable").Bool(consume_from_min_enable);
  if (consume_message_orderly) w.Key("consumeMessageOrderly").Bool(*consume_message_orderly);
  if (consume_timeout_minute) w.Key("consumeTimeoutMinute").Int(*consume_timeout_minute);
  w.Key("groupName").String(group_name);
  if (group_sys_flag) w.Key("groupSysFlag").Int(*group_sys_flag);
  w.Key("notifyConsumerIdsChangedEnable").Bool(notify_consumer_ids_changed_enable);
  w.Key("retryMaxTimes").Int(retry_max_times);
  w.Key("retryQueueNums").Int(retry_queue_nums);
  w.Key("whichBrokerWhenConsumeSlowly").Int(which_broker_when_consume_slowly);
  w.EndObject();
}

std::string SubscriptionGroupConfig::ToJson() const { return EncodeJsonBody(*this); }

Result<SubscriptionGroupWrapper> SubscriptionGroupWrapper::FromJson(const Json::Value& v) {
  if (!v.isObject()) return Status::Corruption("json: SubscriptionGroupWrapper not an object");
  SubscriptionGroupWrapper w;
  if (const Json::Value* dv = JsonFind(v, "dataVersion")) {
    Result<DataVersion> parsed = DataVersion::FromJson(*dv);
    if (!parsed.ok()) return parsed.status();
    w.data_version = *parsed;
  }
  if (const Json::Value* table = JsonFind(v, "subscriptionGroupTable")) {
    ROCKETMQ_RETURN_IF_ERROR(JsonExpectObject(*table, "subscriptionGroupTable"));
    for (auto it = table->begin(); it != table->end(); ++it) {
      Result<SubscriptionGroupConfig> c = SubscriptionGroupConfig::FromJson(*it);
      if (!c.ok()) return c.status();
      if (c->group_name.empty()) c->group_name = it.name();
      w.subscription_group_table[it.name()] = std::move(*c);
    }
  }
  return w;
}

void SubscriptionGroupWrapper::WriteJson(JsonWriter& w) const {
  std::vector<std::string> keys;
  for (const auto& kv : subscription_group_table) keys.push_back(kv.first);
  w.BeginObject();
  w.Key("dataVersion");
  data_version.WriteJson(w);
  w.Key("subscriptionGroupTable").BeginObject();
  for (const auto& k : JavaStringKeyOrder(std::move(keys), kSubscriptionGroupTableBuckets)) {
    w.Key(k);
    subscription_group_table.at(k).WriteJson(w);
  }
  w.EndObject();
  w.EndObject();
}

std::string SubscriptionGroupWrapper::ToJson(bool pretty) const {
  JsonWriter w(JsonStyle::kFastjson, pretty);
  WriteJson(w);
  return w.Release();
}

}  // namespace rocketmq
