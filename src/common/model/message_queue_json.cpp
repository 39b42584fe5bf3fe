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

std::vector<MessageQueue> JavaMessageQueueKeyOrder(std::vector<MessageQueue> keys) {
  std::vector<int32_t> hashes;
  hashes.reserve(keys.size());
  for (const MessageQueue& mq : keys) hashes.push_back(JavaMessageQueueHashCode(mq));
  std::vector<MessageQueue> out;
  out.reserve(keys.size());
  for (size_t i : JavaHashIterationOrder(hashes, JavaHashMapTableSize(keys.size()))) {
    out.push_back(std::move(keys[i]));
  }
  return out;
}

void WriteMessageQueueOffsetMap(JsonWriter& w, const std::map<MessageQueue, int64_t>& table) {
  std::vector<MessageQueue> keys;
  keys.reserve(table.size());
  for (const auto& kv : table) keys.push_back(kv.first);
  w.BeginObject();
  for (const MessageQueue& mq : JavaMessageQueueKeyOrder(std::move(keys))) {
    w.ObjectKey(MessageQueueToJson(mq)).Int(table.at(mq));
  }
  w.EndObject();
}

Status ReadMessageQueueOffsetMap(const Json::Value& v, const char* what,
                                 std::map<MessageQueue, int64_t>* out) {
  ROCKETMQ_RETURN_IF_ERROR(JsonExpectObject(v, what));
  for (auto it = v.begin(); it != v.end(); ++it) {
    Result<MessageQueue> mq = MessageQueueFromKey(it.name());
    if (!mq.ok()) return mq.status();
    int64_t offset = 0;
    ROCKETMQ_RETURN_IF_ERROR(JsonAsInt64(*it, &offset));
    (*out)[*mq] = offset;
  }
  return Status::OK();
}

}  // namespace rocketmq
