// SubscriptionGroupConfig (UPDATE_AND_CREATE_SUBSCRIPTIONGROUP body) and its table wrapper
// (GET_ALL_SUBSCRIPTIONGROUP_CONFIG body, subscriptionGroup.json), protocol.md §2.15, §5.7.
//
// 4.9.8 fields: brokerId, consumeBroadcastEnable, consumeEnable, consumeFromMinEnable,
// groupName, notifyConsumerIdsChangedEnable, retryMaxTimes, retryQueueNums,
// whichBrokerWhenConsumeSlowly. The 5.x scalars consumeMessageOrderly, consumeTimeoutMinute and
// groupSysFlag are kept when present (written only when set); other 5.x members
// (groupRetryPolicy, subscriptionDataSet, attributes, forbiddenTable) are ignored on read.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>

#include <json/json.h>

#include "common/json_writer.h"
#include "common/model/data_version.h"
#include "common/status.h"

namespace rocketmq {

struct SubscriptionGroupConfig {
  std::string group_name;
  bool consume_enable = true;
  bool consume_from_min_enable = true;
  bool consume_broadcast_enable = true;
  int32_t retry_queue_nums = 1;
  int32_t retry_max_times = 16;
  int64_t broker_id = 0;
  int64_t which_broker_when_consume_slowly = 1;
  bool notify_consumer_ids_changed_enable = true;
  std::optional<bool> consume_message_orderly;    // 5.x
  std::optional<int32_t> consume_timeout_minute;  // 5.x
  std::optional<int32_t> group_sys_flag;          // 5.x

  bool operator==(const SubscriptionGroupConfig& o) const;

  static Result<SubscriptionGroupConfig> FromJson(const Json::Value& v);
  void WriteJson(JsonWriter& w) const;
  std::string ToJson() const;
};

struct SubscriptionGroupWrapper {
  std::map<std::string, SubscriptionGroupConfig> subscription_group_table;
  DataVersion data_version;

  static Result<SubscriptionGroupWrapper> FromJson(const Json::Value& v);
  // Table in the broker's ConcurrentHashMap(1024) order.
  void WriteJson(JsonWriter& w) const;
  std::string ToJson(bool pretty = false) const;
};

}  // namespace rocketmq
