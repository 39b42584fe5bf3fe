// GetConsumerStatusBody (Java common.protocol.body.GetConsumerStatusBody), two uses:
//   GET_CONSUMER_STATUS_FROM_CLIENT (221) answer of a client: its offsets of one topic in
//     messageQueueTable, consumerTable empty;
//   INVOKE_BROKER_TO_GET_CONSUMER_STATUS (223) answer of the broker: clientId -> those offsets in
//     consumerTable, messageQueueTable empty.
// {"consumerTable":{"cid":{{mq}:12}},"messageQueueTable":{{mq}:12}} - MessageQueue object keys,
// maps in Java HashMap order.
#pragma once

#include <cstdint>
#include <map>
#include <string>

#include <json/json.h>

#include "common/json_writer.h"
#include "common/message_queue.h"
#include "common/status.h"

namespace rocketmq {

struct GetConsumerStatusBody {
  std::map<std::string, std::map<MessageQueue, int64_t>> consumer_table;
  std::map<MessageQueue, int64_t> message_queue_table;

  static Result<GetConsumerStatusBody> FromJson(const Json::Value& v);
  void WriteJson(JsonWriter& w) const;
  std::string ToJson() const;
};

}  // namespace rocketmq
