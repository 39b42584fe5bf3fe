// QueryConsumeTimeSpanBody, the QUERY_CONSUME_TIME_SPAN (303) answer (Java
// QueryConsumeTimeSpanBody / QueueTimeSpan): per write queue of a topic, the store times of its
// first and last message, of the group's last consumed message and how far consumption lags.
// fastjson writes QueueTimeSpan's getters, so the three *Str texts (local time,
// "yyyy-MM-dd#HH:mm:ss:SSS") sit next to their numbers:
//   {"consumeTimeSpanSet":[{"consumeTimeStamp":..,"consumeTimeStampStr":"..","delayTime":..,
//     "maxTimeStamp":..,"maxTimeStampStr":"..","messageQueue":{mq},"minTimeStamp":..,
//     "minTimeStampStr":".."}]}
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <json/json.h>

#include "common/json_writer.h"
#include "common/message_queue.h"
#include "common/status.h"

namespace rocketmq {

struct QueueTimeSpan {
  MessageQueue message_queue;
  int64_t min_time_stamp = 0;      // epoch ms
  int64_t max_time_stamp = 0;      // epoch ms
  int64_t consume_time_stamp = 0;  // epoch ms
  int64_t delay_time = 0;          // ms; 0 when the group has consumed everything

  bool operator==(const QueueTimeSpan& o) const {
    return message_queue == o.message_queue && min_time_stamp == o.min_time_stamp &&
           max_time_stamp == o.max_time_stamp && consume_time_stamp == o.consume_time_stamp &&
           delay_time == o.delay_time;
  }
};

struct QueryConsumeTimeSpanBody {
  std::vector<QueueTimeSpan> consume_time_span_set;  // Java ArrayList, queue id order

  static Result<QueryConsumeTimeSpanBody> FromJson(const Json::Value& v);
  void WriteJson(JsonWriter& w) const;
  std::string ToJson() const;
};

// Java UtilAll.formatDate(new Date(ms), "yyyy-MM-dd#HH:mm:ss:SSS") in the local time zone.
std::string FormatQueueTimeSpanDate(int64_t epoch_ms);

}  // namespace rocketmq
