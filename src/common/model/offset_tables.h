// Bodies keyed by MessageQueue objects, which fastjson writes as raw object keys
// (protocol.md §2.15, §2.16):
//   GET_TOPIC_STATS_INFO  TopicStatsTable {"offsetTable":{{mq}:{"lastUpdateTimestamp":..,
//                                          "maxOffset":..,"minOffset":..}}}
//   GET_CONSUME_STATS     ConsumeStats {"consumeTps":0.0,"offsetTable":{{mq}:{"brokerOffset":..,
//                                          "consumerOffset":..,"lastTimestamp":..}}}
//   RESET_CONSUMER_CLIENT_OFFSET  ResetOffsetBody {"offsetTable":{{mq}:offset}}
//                                 ResetOffsetBodyForC {"offsetTable":[{"brokerName":..,
//                                          "offset":..,"queueId":..,"topic":..}]}
// Maps are written in Java HashMap<MessageQueue, ?> order (MessageQueue.hashCode), which
// reproduces the broker's bytes unless two queues share a bucket: Java then keeps insertion
// order, here the MessageQueue order. 5.x fields (topicPutTps, pullOffset) are kept when present.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <json/json.h>

#include "common/json_writer.h"
#include "common/message_queue.h"
#include "common/status.h"

namespace rocketmq {

struct TopicOffset {
  int64_t min_offset = 0;
  int64_t max_offset = 0;
  int64_t last_update_timestamp = 0;

  bool operator==(const TopicOffset& o) const {
    return min_offset == o.min_offset && max_offset == o.max_offset &&
           last_update_timestamp == o.last_update_timestamp;
  }
};

struct TopicStatsTable {
  std::map<MessageQueue, TopicOffset> offset_table;
  // Optional Java insertion order of the keys (decides the order within a HashMap bucket).
  std::vector<MessageQueue> put_order;
  std::optional<double> topic_put_tps;  // 5.x

  static Result<TopicStatsTable> FromJson(const Json::Value& v);
  void WriteJson(JsonWriter& w) const;
  std::string ToJson() const;
};

struct OffsetWrapper {
  int64_t broker_offset = 0;
  int64_t consumer_offset = 0;
  std::optional<int64_t> pull_offset;  // 5.x
  int64_t last_timestamp = 0;

  bool operator==(const OffsetWrapper& o) const {
    return broker_offset == o.broker_offset && consumer_offset == o.consumer_offset &&
           pull_offset == o.pull_offset && last_timestamp == o.last_timestamp;
  }
};

struct ConsumeStats {
  std::map<MessageQueue, OffsetWrapper> offset_table;
  // Optional Java insertion order of the keys (decides the order within a HashMap bucket).
  std::vector<MessageQueue> put_order;
  double consume_tps = 0;

  // Sum over queues of brokerOffset - consumerOffset (Java computeTotalDiff).
  int64_t ComputeTotalDiff() const;

  static Result<ConsumeStats> FromJson(const Json::Value& v);
  void WriteJson(JsonWriter& w) const;
  std::string ToJson() const;
};

struct ResetOffsetBody {
  std::map<MessageQueue, int64_t> offset_table;

  static Result<ResetOffsetBody> FromJson(const Json::Value& v);
  void WriteJson(JsonWriter& w) const;
  std::string ToJson() const;
};

// The array form the broker sends to C/C++ clients (isC); list order as given.
struct ResetOffsetBodyForC {
  std::vector<std::pair<MessageQueue, int64_t>> offset_table;

  static Result<ResetOffsetBodyForC> FromJson(const Json::Value& v);
  void WriteJson(JsonWriter& w) const;
  std::string ToJson() const;
};

}  // namespace rocketmq
