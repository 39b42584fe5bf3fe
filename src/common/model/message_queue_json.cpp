#include "common/model/message_queue_json.h"

#include "common/java_hash.h"
#include "common/json_fields.h"
#include "common/json_reader.h"

namespace rocketmq {

Result<MessageQueue> MessageQueueFromJson(const Json::Value& v) {
  if (!v.isObject()) return Status::Corruption("json: MessageQueue must be an object");
  MessageQueue mq;
  ROCKETMQ_RETURN_IF_ERROR(JsonGetString(v, "topic", &mq.topic));
  ROCKETMQ_RETURN_IF_ERROR(JsonGetString(v, "brokerName", &mq.broker_name));
  ROCKETMQ_RETURN_IF_ERROR(JsonGetInt32(v, "queueId", &mq.queue_id));
  return mq;
}

Result<MessageQueue> MessageQueueFromKey(std::string_view member_name) {
  Result<Json::Value> key = ParseJson(member_name);
  if (!key.ok()) return Status::Corruption("MessageQueue key: " + key.status().message());
  return MessageQueueFromJson(*key);
}

void WriteMessageQueue(JsonWriter& w, const MessageQueue& mq) {
  w.BeginObject();
  w.Key("brokerName").String(mq.broker_name);
  w.Key("queueId").Int(mq.queue_id);
  w.Key("topic").String(mq.topic);
  w.EndObject();
}

std::string MessageQueueToJson(const MessageQueue& mq) {
  JsonWriter w;
  WriteMessageQueue(w, mq);
  return w.Release();
}

int32_t JavaMessageQueueHashCode(const MessageQueue& mq) {
  uint32_t h = 1;
  h = 31 * h + static_cast<uint32_t>(JavaStringHashCode(mq.broker_name));
  h = 31 * h + static_cast<uint32_t>(mq.queue_id);
  h = 31 * h + static_cast<uint32_t>(JavaStringHashCode(mq.topic));
  return static_cast<int32_t>(h);
}

}  // namespace rocketmq
