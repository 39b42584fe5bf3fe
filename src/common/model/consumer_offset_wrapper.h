// Broker offset tables (protocol.md §5.7, GET_ALL_CONSUMER_OFFSET / GET_ALL_DELAY_OFFSET bodies):
//   consumerOffset.json  {"offsetTable":{"topic@group":{0:123,1:456}}}
//   delayOffset.json     {"offsetTable":{1:0,2:15}}
// Integer keys are unquoted (plain fastjson). 5.x adds "dataVersion" (kept when present).
// Maps are written in the order of the broker's ConcurrentHashMaps (outer (512), inner (32)).
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

struct ConsumerOffsetSerializeWrapper {
  // "topic@group" -> queueId -> committed offset.
  std::map<std::string, std::map<int32_t, int64_t>> offset_table;
  std::optional<DataVersion> data_version;  // 5.x

  static std::string Key(const std::string& topic, const std::string& group) {
    return topic + "@" + group;
  }

  static Result<ConsumerOffsetSerializeWrapper> FromJson(const Json::Value& v);
  void WriteJson(JsonWriter& w) const;
  std::string ToJson(bool pretty = false) const;
};

struct DelayOffsetSerializeWrapper {
  std::map<int32_t, int64_t> offset_table;  // delay level -> offset in SCHEDULE_TOPIC_XXXX
  std::optional<DataVersion> data_version;  // 5.x

  static Result<DelayOffsetSerializeWrapper> FromJson(const Json::Value& v);
  void WriteJson(JsonWriter& w) const;
  std::string ToJson(bool pretty = false) const;
};

}  // namespace rocketmq
