#include "common/model/lock_batch_body.h"

#include "common/json_fields.h"
#include "common/model/json_body.h"
#include "common/model/message_queue_json.h"

namespace rocketmq {

Status ReadMessageQueueArray(const Json::Value& v, const char* what,
                             std::vector<MessageQueue>* out) {
  ROCKETMQ_RETURN_IF_ERROR(JsonExpectArray(v, what));
  for (const auto& e : v) {
    Result<MessageQueue> mq = MessageQueueFromJson(e);
    if (!mq.ok()) return mq.status();
    out->push_back(std::move(*mq));
  }
  return Status::OK();
}

void WriteMessageQueueArray(JsonWriter& w, const std::vector<MessageQueue>& list) {
  w.BeginArray();
  for (const auto& mq : list) WriteMessageQueue(w, mq);
  w.EndArray();
}

Result<LockBatchRequestBody> LockBatchRequestBody::FromJson(const Json::Value& v) {
  if (!v.isObject()) return Status::Corruption("json: LockBatchRequestBody must be an object");
  LockBatchRequestBody b;
  ROCKETMQ_RETURN_IF_ERROR(JsonGetString(v, "consumerGroup", &b.consumer_group));
  ROCKETMQ_RETURN_IF_ERROR(JsonGetString(v, "clientId", &b.client_id));
  if (const Json::Value* set = JsonFind(v, "mqSet")) {
    ROCKETMQ_RETURN_IF_ERROR(ReadMessageQueueArray(*set, "mqSet", &b.mq_set));
  }
  if (JsonFind(v, "onlyThisBroker") != nullptr) {
    b.only_this_broker.emplace(false);
    ROCKETMQ_RETURN_IF_ERROR(JsonGetBool(v, "onlyThisBroker", &*b.only_this_broker));
  }
  return b;
}

void LockBatchRequestBody::WriteJson(JsonWriter& w) const {
  w.BeginObject();
  w.Key("clientId").String(client_id);
  w.Key("consumerGroup").String(consumer_group);
  w.Key("mqSet");
  WriteMessageQueueArray(w, mq_set);
  if (only_this_broker) w.Key("onlyThisBroker").Bool(*only_this_broker);
  w.EndObject();
}

std::string LockBatchRequestBody::ToJson() const { return EncodeJsonBody(*this); }

Result<LockBatchResponseBody> LockBatchResponseBody::FromJson(const Json::Value& v) {
  if (!v.isObject()) return Status::Corruption("json: LockBatchResponseBody must be an object");
  LockBatchResponseBody b;
  if (const Json::Value* set = JsonFind(v, "lockOKMQSet")) {
    ROCKETMQ_RETURN_IF_ERROR(ReadMessageQueueArray(*set, "lockOKMQSet", &b.lock_ok_mq_set));
  }
  return b;
}

void LockBatchResponseBody::WriteJson(JsonWriter& w) const {
  w.BeginObject();
  w.Key("lockOKMQSet");
  WriteMessageQueueArray(w, lock_ok_mq_set);
  w.EndObject();
}

std::string LockBatchResponseBody::ToJson() const { return EncodeJsonBody(*this); }

}  // namespace rocketmq
