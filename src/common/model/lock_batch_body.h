// Orderly-consume lock bodies (protocol.md §2.11):
//   LOCK_BATCH_MQ request    {"clientId":..,"consumerGroup":..,"mqSet":[MessageQueue...]}
//   LOCK_BATCH_MQ response   {"lockOKMQSet":[MessageQueue...]}
//   UNLOCK_BATCH_MQ request  same shape as the lock request
// 5.x adds "onlyThisBroker" to the requests; it is written only when set.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <json/json.h>

#include "common/json_writer.h"
#include "common/message_queue.h"
#include "common/status.h"

namespace rocketmq {

struct LockBatchRequestBody {
  std::string consumer_group;
  std::string client_id;
  std::vector<MessageQueue> mq_set;
  std::optional<bool> only_this_broker;  // 5.x

  static Result<LockBatchRequestBody> FromJson(const Json::Value& v);
  void WriteJson(JsonWriter& w) const;
  std::string ToJson() const;
};

// Same wire shape as the lock request.
using UnlockBatchRequestBody = LockBatchRequestBody;

struct LockBatchResponseBody {
  std::vector<MessageQueue> lock_ok_mq_set;  // JSON "lockOKMQSet"

  static Result<LockBatchResponseBody> FromJson(const Json::Value& v);
  void WriteJson(JsonWriter& w) const;
  std::string ToJson() const;
};

// Reads an array of MessageQueue objects (null = empty).
Status ReadMessageQueueArray(const Json::Value& v, const char* what,
                             std::vector<MessageQueue>* out);
void WriteMessageQueueArray(JsonWriter& w, const std::vector<MessageQueue>& list);

}  // namespace rocketmq
