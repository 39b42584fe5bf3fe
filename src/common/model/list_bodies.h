// Small list/table bodies:
//   GET_CONSUMER_LIST_BY_GROUP response  {"consumerIdList":["id1",...]}
//   TopicList (206, 224, 304)            {"brokerAddr":"..."?,"topicList":["T1",...]}
//   GroupList (300)                      {"groupList":["CG1",...]}
//   KVTable (GET_KVLIST_BY_NAMESPACE, GET_BROKER_RUNTIME_INFO, REGISTER_BROKER response)
//                                        {"table":{"k":"v",...}}
//   KVConfigSerializeWrapper (kvConfig.json) {"configTable":{"ns":{"k":"v"}}}
// Sets and maps are written in Java HashSet/HashMap order (java_hash.h) when Java builds them
// with default capacities, which reproduces the Java bytes for the captured bodies.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include <json/json.h>

#include "common/json_writer.h"
#include "common/status.h"

namespace rocketmq {

struct ConsumerListBody {
  std::vector<std::string> consumer_id_list;  // in the order given (Java ArrayList)

  static Result<ConsumerListBody> FromJson(const Json::Value& v);
  void WriteJson(JsonWriter& w) const;
  std::string ToJson() const;
};

struct TopicList {
  std::vector<std::string> topic_list;     // parsed order; written in Java HashSet order
  std::optional<std::string> broker_addr;  // written only when set

  static Result<TopicList> FromJson(const Json::Value& v);
  void WriteJson(JsonWriter& w) const;
  std::string ToJson() const;
};

struct GroupList {
  std::vector<std::string> group_list;  // parsed order; written in Java HashSet order

  static Result<GroupList> FromJson(const Json::Value& v);
  void WriteJson(JsonWriter& w) const;
  std::string ToJson() const;
};

struct KVTable {
  std::map<std::string, std::string> table;
  // Optional: the keys in the order Java put them into its HashMap. Keys sharing a bucket are
  // written in this order (Java iterates a bucket in insertion order); empty = sorted order.
  std::vector<std::string> put_order;

  static Result<KVTable> FromJson(const Json::Value& v);
  void WriteJson(JsonWriter& w) const;
  std::string ToJson() const;
};

struct KVConfigSerializeWrapper {
  std::map<std::string, std::map<std::string, std::string>> config_table;  // namespace -> kv

  static Result<KVConfigSerializeWrapper> FromJson(const Json::Value& v);
  void WriteJson(JsonWriter& w) const;
  std::string ToJson(bool pretty = false) const;
};

}  // namespace rocketmq
