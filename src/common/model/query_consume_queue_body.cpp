#include "common/model/query_consume_queue_body.h"

#include "common/json_fields.h"
#include "common/model/json_body.h"

namespace rocketmq {

namespace {

Status GetOptionalString(const Json::Value& v, const char* key, std::optional<std::string>* out) {
  if (JsonFind(v, key) == nullptr) return Status::OK();
  std::string s;
  ROCKETMQ_RETURN_IF_ERROR(JsonGetString(v, key, &s));
  *out = std::move(s);
  return Status::OK();
}

std::string QuotedOrNull(const std::optional<std::string>& s) {
  return "'" + (s.has_value() ? *s : std::string("null")) + "'";
}

}  // namespace

std::string ConsumeQueueData::ToString() const {
  return "ConsumeQueueData{physicOffset=" + std::to_string(physic_offset) +
         ", physicSize=" + std::to_string(physic_size) + ", tagsCode=" + std::to_string(tags_code) +
         ", extendDataJson=" + QuotedOrNull(extend_data_json) +
         ", bitMap=" + QuotedOrNull(bit_map) + ", eval=" + (eval ? "true" : "false") +
         ", msg=" + QuotedOrNull(msg) + "}";
}

Result<ConsumeQueueData> ConsumeQueueData::FromJson(const Json::Value& v) {
  if (!v.isObject()) return Status::Corruption("json: ConsumeQueueData must be an object");
  ConsumeQueueData d;
  ROCKETMQ_RETURN_IF_ERROR(JsonGetInt64(v, "physicOffset", &d.physic_offset));
  ROCKETMQ_RETURN_IF_ERROR(JsonGetInt32(v, "physicSize", &d.physic_size));
  ROCKETMQ_RETURN_IF_ERROR(JsonGetInt64(v, "tagsCode", &d.tags_code));
  ROCKETMQ_RETURN_IF_ERROR(GetOptionalString(v, "extendDataJson", &d.extend_data_json));
  ROCKETMQ_RETURN_IF_ERROR(GetOptionalString(v, "bitMap", &d.bit_map));
  ROCKETMQ_RETURN_IF_ERROR(JsonGetBool(v, "eval", &d.eval));
  ROCKETMQ_RETURN_IF_ERROR(GetOptionalString(v, "msg", &d.msg));
  return d;
}

void ConsumeQueueData::WriteJson(JsonWriter& w) const {
  w.BeginObject();
  if (bit_map.has_value()) w.Key("bitMap").String(*bit_map);
  w.Key("eval").Bool(eval);
  if (extend_data_json.has_value()) w.Key("extendDataJson").String(*extend_data_json);
  if (msg.has_value()) w.Key("msg").String(*msg);
  w.Key("physicOffset").Int(physic_offset);
  w.Key("physicSize").Int(physic_size);
  w.Key("tagsCode").Int(tags_code);
  w.EndObject();
}

Result<QueryConsumeQueueResponseBody> QueryConsumeQueueResponseBody::FromJson(
    const Json::Value& v) {
  if (!v.isObject()) {
    return Status::Corruption("json: QueryConsumeQueueResponseBody must be an object");
  }
  QueryConsumeQueueResponseBody b;
  if (const Json::Value* sd = JsonFind(v, "subscriptionData")) {
    Result<SubscriptionData> parsed = SubscriptionData::FromJson(*sd);
    if (!parsed.ok()) return parsed.status();
    b.subscription_data = std::move(*parsed);
  }
  ROCKETMQ_RETURN_IF_ERROR(GetOptionalString(v, "filterData", &b.filter_data));
  if (const Json::Value* list = JsonFind(v, "queueData")) {
    ROCKETMQ_RETURN_IF_ERROR(JsonExpectArray(*list, "queueData"));
    for (const auto& item : *list) {
      Result<ConsumeQueueData> d = ConsumeQueueData::FromJson(item);
      if (!d.ok()) return d.status();
      b.queue_data.push_back(std::move(*d));
    }
  }
  ROCKETMQ_RETURN_IF_ERROR(JsonGetInt64(v, "maxQueueIndex", &b.max_queue_index));
  ROCKETMQ_RETURN_IF_ERROR(JsonGetInt64(v, "minQueueIndex", &b.min_queue_index));
  return b;
}

void QueryConsumeQueueResponseBody::WriteJson(JsonWriter& w) const {
  w.BeginObject();
  if (filter_data.has_value()) w.Key("filterData").String(*filter_data);
  w.Key("maxQueueIndex").Int(max_queue_index);
  w.Key("minQueueIndex").Int(min_queue_index);
  w.Key("queueData").BeginArray();
  for (const auto& d : queue_data) d.WriteJson(w);
  w.EndArray();
  if (subscription_data.has_value()) {
    w.Key("subscriptionData");
    subscription_data->WriteJson(w);
  }
  w.EndObject();
}

std::string QueryConsumeQueueResponseBody::ToJson() const { return EncodeJsonBody(*this); }

}  // namespace rocketmq
