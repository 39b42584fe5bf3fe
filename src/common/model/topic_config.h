// TopicConfig and the permission / flag constants of protocol.md §2.3.
//
// JSON as the 4.9.8 broker writes it (fields sorted by name):
//   {"order":false,"perm":6,"readQueueNums":8,"topicFilterType":"SINGLE_TAG",
//    "topicName":"T","topicSysFlag":0,"writeQueueNums":8}
// 5.x adds "attributes":{...} first; it is kept when present and written only when set.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>

#include <json/json.h>

#include "common/json_writer.h"
#include "common/status.h"

namespace rocketmq {

// PermName bits.
inline constexpr int32_t kPermPriority = 8;
inline constexpr int32_t kPermRead = 4;
inline constexpr int32_t kPermWrite = 2;
inline constexpr int32_t kPermInherit = 1;
inline bool PermIsReadable(int32_t perm) { return (perm & kPermRead) != 0; }
inline bool PermIsWriteable(int32_t perm) { return (perm & kPermWrite) != 0; }
inline bool PermIsInherited(int32_t perm) { return (perm & kPermInherit) != 0; }
// Tool form, e.g. 6 -> "RW-", 7 -> "RWX".
std::string PermToString(int32_t perm);

// TopicSysFlag bits.
inline constexpr int32_t kTopicFlagUnit = 1;
inline constexpr int32_t kTopicFlagUnitSub = 2;

// TopicFilterType names (a string on the wire).
inline constexpr const char* kTopicFilterSingleTag = "SINGLE_TAG";
inline constexpr const char* kTopicFilterMultiTag = "MULTI_TAG";

struct TopicConfig {
  std::string topic_name;
  int32_t read_queue_nums = 16;
  int32_t write_queue_nums = 16;
  int32_t perm = kPermRead | kPermWrite;
  std::string topic_filter_type = kTopicFilterSingleTag;
  int32_t topic_sys_flag = 0;
  bool order = false;
  std::optional<std::map<std::string, std::string>> attributes;  // 5.x only

  bool operator==(const TopicConfig& o) const;
  bool operator!=(const TopicConfig& o) const { return !(*this == o); }

  static Result<TopicConfig> FromJson(const Json::Value& v);
  void WriteJson(JsonWriter& w) const;
  std::string ToJson() const;

  // The space-separated form used inside compressed REGISTER_BROKER bodies (protocol.md §2.12):
  // "topicName readQueueNums writeQueueNums perm topicFilterType[ attributesJSON]".
  std::string EncodeCompact() const;
  static Result<TopicConfig> DecodeCompact(std::string_view text);
};

}  // namespace rocketmq
