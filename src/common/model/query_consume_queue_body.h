// QUERY_CONSUME_QUEUE (321) response body (Java QueryConsumeQueueResponseBody and
// ConsumeQueueData, 4.9.x):
//   {"filterData":"null","maxQueueIndex":25,"minQueueIndex":0,
//    "queueData":[{"eval":false,"physicOffset":0,"physicSize":228,"tagsCode":2598919}],
//    "subscriptionData":{SubscriptionData}}
// fastjson leaves out null members (filterData, subscriptionData, and ConsumeQueueData's
// extendDataJson, bitMap, msg), so the optionals below are written only when set.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <json/json.h>

#include "common/json_writer.h"
#include "common/model/heartbeat_data.h"
#include "common/status.h"

namespace rocketmq {

// One 20-byte consume-queue unit as the broker reports it.
struct ConsumeQueueData {
  int64_t physic_offset = 0;  // CommitLog offset of the message
  int32_t physic_size = 0;    // its TOTALSIZE
  int64_t tags_code = 0;      // tags hash, or a consume-queue-ext address
  std::optional<std::string> extend_data_json;
  std::optional<std::string> bit_map;
  bool eval = false;
  std::optional<std::string> msg;  // "Cq extend not exist!addr: <tagsCode>" for a lost ext unit

  // Java's toString, which mqadmin queryCq prints: ConsumeQueueData{physicOffset=0, ...,
  // extendDataJson='null', ...} (absent strings print as 'null').
  std::string ToString() const;

  static Result<ConsumeQueueData> FromJson(const Json::Value& v);
  void WriteJson(JsonWriter& w) const;
};

struct QueryConsumeQueueResponseBody {
  std::optional<SubscriptionData> subscription_data;  // set when a consumerGroup was given
  std::optional<std::string> filter_data;
  std::vector<ConsumeQueueData> queue_data;
  int64_t max_queue_index = 0;
  int64_t min_queue_index = 0;

  static Result<QueryConsumeQueueResponseBody> FromJson(const Json::Value& v);
  void WriteJson(JsonWriter& w) const;
  std::string ToJson() const;
};

}  // namespace rocketmq
