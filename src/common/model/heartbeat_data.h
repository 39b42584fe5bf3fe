// HEART_BEAT body (protocol.md §2.7): HeartbeatData with ProducerData, ConsumerData and
// SubscriptionData. Also used by GET_CONSUMER_CONNECTION_LIST (subscriptionTable values).
//
// Java keeps these collections in HashSets; their order on the wire is Java's hash order, for
// object sets identity-based, so it is not reproducible. The vectors here keep the order they were
// parsed or built in; Build() puts tagsSet/codeSet in Java HashSet order.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <json/json.h>

#include "common/json_writer.h"
#include "common/status.h"

namespace rocketmq {

inline constexpr const char* kSubAll = "*";
inline constexpr const char* kExpressionTypeTag = "TAG";
inline constexpr const char* kExpressionTypeSql92 = "SQL92";

struct SubscriptionData {
  bool class_filter_mode = false;
  std::string topic;
  std::string sub_string;
  std::vector<std::string> tags_set;
  std::vector<int32_t> code_set;  // Java String.hashCode() of each tag
  int64_t sub_version = 0;        // creation time, epoch ms
  std::string expression_type = kExpressionTypeTag;

  bool operator==(const SubscriptionData& o) const;

  // Java FilterAPI.buildSubscriptionData for TAG expressions: "*" or "" -> "*" with empty sets;
  // otherwise split on "||", trim, drop empty tags.
  static SubscriptionData Build(const std::string& topic, const std::string& sub_string,
                                int64_t sub_version);

  static Result<SubscriptionData> FromJson(const Json::Value& v);
  void WriteJson(JsonWriter& w) const;
  std::string ToJson() const;
};

struct ProducerData {
  std::string group_name;

  bool operator==(const ProducerData& o) const { return group_name == o.group_name; }
  static Result<ProducerData> FromJson(const Json::Value& v);
  void WriteJson(JsonWriter& w) const;
};

struct ConsumerData {
  std::string group_name;
  std::string consume_type;        // CONSUME_ACTIVELY | CONSUME_PASSIVELY | CONSUME_POP
  std::string message_model;       // BROADCASTING | CLUSTERING
  std::string consume_from_where;  // e.g. CONSUME_FROM_LAST_OFFSET
  std::vector<SubscriptionData> subscription_data_set;
  bool unit_mode = false;

  bool operator==(const ConsumerData& o) const;
  static Result<ConsumerData> FromJson(const Json::Value& v);
  void WriteJson(JsonWriter& w) const;
};

struct HeartbeatData {
  std::string client_id;  // JSON "clientID"
  std::vector<ProducerData> producer_data_set;
  std::vector<ConsumerData> consumer_data_set;
  std::optional<int32_t> heartbeat_fingerprint;  // 5.x only
  std::optional<bool> without_sub;               // 5.x only

  static Result<HeartbeatData> FromJson(const Json::Value& v);
  void WriteJson(JsonWriter& w) const;
  std::string ToJson() const;
};

}  // namespace rocketmq
