// TopicConfigSerializeWrapper (GET_ALL_TOPIC_CONFIG body, topics.json) and RegisterBrokerBody
// (REGISTER_BROKER request body, protocol.md §2.12), plain and compressed.
//
//   {"dataVersion":{...},"topicConfigTable":{"T":{TopicConfig},...}}
//   {"filterServerList":[],"topicConfigSerializeWrapper":{...}}
//
// topicConfigTable is written in the iteration order of the broker's ConcurrentHashMap(1024)
// (see java_hash.h), which reproduces the Java bytes exactly for the captured tables.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <json/json.h>

#include "common/json_writer.h"
#include "common/model/data_version.h"
#include "common/model/topic_config.h"
#include "common/status.h"

namespace rocketmq {

struct TopicConfigSerializeWrapper {
  std::map<std::string, TopicConfig> topic_config_table;  // topic name -> config
  DataVersion data_version;

  static Result<TopicConfigSerializeWrapper> FromJson(const Json::Value& v);
  void WriteJson(JsonWriter& w) const;
  // Compact wire body, or (pretty) the topics.json file text as the broker writes it.
  std::string ToJson(bool pretty = false) const;
};

struct RegisterBrokerBody {
  TopicConfigSerializeWrapper topic_config_serialize_wrapper;
  std::vector<std::string> filter_server_list;

  static Result<RegisterBrokerBody> FromJson(const Json::Value& v);
  void WriteJson(JsonWriter& w) const;
  std::string ToJson() const;

  // Body for `compressed=true` (zlib, best compression): int32-length-prefixed DataVersion JSON,
  // int32 topic count, each TopicConfig::EncodeCompact(), then the filterServerList JSON array.
  std::string EncodeCompressed() const;
  // Decodes either form: compressed (header `compressed=true`) or JSON.
  static Result<RegisterBrokerBody> Decode(std::string_view body, bool compressed);
};

}  // namespace rocketmq
