#include "common/model/heartbeat_data.h"

#include <algorithm>

#include "common/java_hash.h"
#include "common/json_fields.h"
#include "common/model/json_body.h"

namespace rocketmq {

namespace {

std::string Trim(const std::string& s) {
  size_t b = 0;
  size_t e = s.size();
  while (b < e && static_cast<unsigned char>(s[b]) <= ' ') ++b;  // Java String.trim()
  while (e > b && static_cast<unsigned char>(s[e - 1]) <= ' ') --e;
  return s.substr(b, e - b);
}

template <typename T>
Status ReadArray(const Json::Value& obj, const char* key, std::vector<T>* out) {
  const Json::Value* list = JsonFind(obj, key);
  if (list == nullptr) return Status::OK();
  ROCKETMQ_RETURN_IF_ERROR(JsonExpectArray(*list, key));
  for (const auto& e : *list) {
    Result<T> item = T::FromJson(e);
    if (!item.ok()) return item.status();
    out->push_back(std::move(*item));
  }
  return Status::OK();
}

}  // namespace

bool SubscriptionData::operator==(const SubscriptionData& o) const {
  return class_filter_mode == o.class_filter_mode && topic == o.topic &&
         sub_string == o.sub_string && tags_set == o.tags_set && code_set == o.code_set &&
         sub_version == o.sub_version && expression_type == o.expression_type;
}

SubscriptionData SubscriptionData::Build(const std::string& topic, const std::string& sub_string,
                                         int64_t sub_version) {
  SubscriptionData sd;
  sd.topic = topic;
  sd.sub_version = sub_version;
  if (sub_string.empty() || sub_string == kSubAll) {
    sd.sub_string = kSubAll;
    return sd;
  }
  sd.sub_string = sub_string;
  std::vector<std::string> tags;
  size_t start = 0;
  while (start <= sub_string.size()) {
    size_t sep = sub_string.find("||", start);
    if (sep == std::string::npos) sep = sub_string.size();
    std::string tag = Trim(sub_string.substr(start, sep - start));
    if (!tag.empty() && std::find(tags.begin(), tags.end(), tag) == tags.end()) {
      tags.push_back(std::move(tag));
    }
    start = sep + 2;
  }
  std::vector<int32_t> codes;
  for (const auto& t : tags) {
    const int32_t h = JavaStringHashCode(t);
    if (std::find(codes.begin(), codes.end(), h) == codes.end()) codes.push_back(h);
  }
  sd.tags_set = JavaStringKeyOrder(tags, JavaHashMapTableSize(tags.size()));
  for (size_t i : JavaHashIterationOrder(codes, JavaHashMapTableSize(codes.size()))) {
    sd.code_set.push_back(codes[i]);
  }
  return sd;
}

Result<SubscriptionData> SubscriptionData::FromJson(const Json::Value& v) {
  if (!v.isObject()) return Status::Corruption("json: SubscriptionData must be an object");
  SubscriptionData sd;
  ROCKETMQ_RETURN_IF_ERROR(JsonGetBool(v, "classFilterMode", &sd.class_filter_mode));
  ROCKETMQ_RETURN_IF_ERROR(JsonGetString(v, "topic", &sd.topic));
  ROCKETMQ_RETURN_IF_ERROR(JsonGetString(v, "subString", &sd.sub_string));
  ROCKETMQ_RETURN_IF_ERROR(JsonGetInt64(v, "subVersion", &sd.sub_version));
  ROCKETMQ_RETURN_IF_ERROR(JsonGetString(v, "expressionType", &sd.expression_type));
  if (const Json::Value* tags = JsonFind(v, "tagsSet")) {
    ROCKETMQ_RETURN_IF_ERROR(JsonExpectArray(*tags, "tagsSet"));
    for (const auto& t : *tags) {
      std::string tag;
      ROCKETMQ_RETURN_IF_ERROR(JsonAsString(t, &tag));
      sd.tags_set.push_back(std::move(tag));
    }
  }
  if (const Json::Value* codes = JsonFind(v, "codeSet")) {
    ROCKETMQ_RETURN_IF_ERROR(JsonExpectArray(*codes, "codeSet"));
    for (const auto& c : *codes) {
      int32_t code = 0;
      ROCKETMQ_RETURN_IF_ERROR(JsonAsInt32(c, &code));
      sd.code_set.push_back(code);
    }
  }
  return sd;
}

void SubscriptionData::WriteJson(JsonWriter& w) const {
  w.BeginObject();
  w.Key("classFilterMode").Bool(class_filter_mode);
  w.Key("codeSet").BeginArray();
  for (int32_t c : code_set) w.Int(c);
  w.EndArray();
  w.Key("expressionType").String(expression_type);
  w.Key("subString").String(sub_string);
  w.Key("subVersion").Int(sub_version);
  w.Key("tagsSet").BeginArray();
  for (const auto& t : tags_set) w.String(t);
  w.EndArray();
  w.Key("topic").String(topic);
  w.EndObject();
}

std::string SubscriptionData::ToJson() const { return EncodeJsonBody(*this); }

Result<ProducerData> ProducerData::FromJson(const Json::Value& v) {
  if (!v.isObject()) return Status::Corruption("json: ProducerData must be an object");
  ProducerData p;
  ROCKETMQ_RETURN_IF_ERROR(JsonGetString(v, "groupName", &p.group_name));
  return p;
}

void ProducerData::WriteJson(JsonWriter& w) const {
  w.BeginObject().Key("groupName").String(group_name).EndObject();
}

bool ConsumerData::operator==(const ConsumerData& o) const {
  return group_name == o.group_name && consume_type == o.consume_type &&
         message_model == o.message_model && consume_from_where == o.consume_from_where &&
         subscription_data_set == o.subscription_data_set && unit_mode == o.unit_mode;
}

Result<ConsumerData> ConsumerData::FromJson(const Json::Value& v) {
  if (!v.isObject()) return Status::Corruption("json: ConsumerData must be an object");
  ConsumerData c;
  ROCKETMQ_RETURN_IF_ERROR(JsonGetString(v, "groupName", &c.group_name));
  ROCKETMQ_RETURN_IF_ERROR(JsonGetString(v, "consumeType", &c.consume_type));
  ROCKETMQ_RETURN_IF_ERROR(JsonGetString(v, "messageModel", &c.message_model));
  ROCKETMQ_RETURN_IF_ERROR(JsonGetString(v, "consumeFromWhere", &c.consume_from_where));
  ROCKETMQ_RETURN_IF_ERROR(JsonGetBool(v, "unitMode", &c.unit_mode));
  ROCKETMQ_RETURN_IF_ERROR(ReadArray(v, "subscriptionDataSet", &c.subscription_data_set));
  return c;
}

void ConsumerData::WriteJson(JsonWriter& w) const {
  w.BeginObject();
  w.Key("consumeFromWhere").String(consume_from_where);
  w.Key("consumeType").String(consume_type);
  w.Key("groupName").String(group_name);
  w.Key("messageModel").String(message_model);
  w.Key("subscriptionDataSet").BeginArray();
  for (const auto& s : subscription_data_set) s.WriteJson(w);
  w.EndArray();
  w.Key("unitMode").Bool(unit_mode);
  w.EndObject();
}

Result<HeartbeatData> HeartbeatData::FromJson(const Json::Value& v) {
  if (!v.isObject()) return Status::Corruption("json: HeartbeatData must be an object");
  HeartbeatData hb;
  ROCKETMQ_RETURN_IF_ERROR(JsonGetString(v, "clientID", &hb.client_id));
  ROCKETMQ_RETURN_IF_ERROR(ReadArray(v, "producerDataSet", &hb.producer_data_set));
  ROCKETMQ_RETURN_IF_ERROR(ReadArray(v, "consumerDataSet", &hb.consumer_data_set));
  if (JsonFind(v, "heartbeatFingerprint") != nullptr) {
    hb.heartbeat_fingerprint.emplace(0);
    ROCKETMQ_RETURN_IF_ERROR(JsonGetInt32(v, "heartbeatFingerprint", &*hb.heartbeat_fingerprint));
  }
  if (JsonFind(v, "withoutSub") != nullptr) {
    hb.without_sub.emplace(false);
    ROCKETMQ_RETURN_IF_ERROR(JsonGetBool(v, "withoutSub", &*hb.without_sub));
  }
  return hb;
}

void HeartbeatData::WriteJson(JsonWriter& w) const {
  w.BeginObject();
  w.Key("clientID").String(client_id);
  w.Key("consumerDataSet").BeginArray();
  for (const auto& c : consumer_data_set) c.WriteJson(w);
  w.EndArray();
  if (heartbeat_fingerprint) w.Key("heartbeatFingerprint").Int(*heartbeat_fingerprint);
  w.Key("producerDataSet").BeginArray();
  for (const auto& p : producer_data_set) p.WriteJson(w);
  w.EndArray();
  if (without_sub) w.Key("withoutSub").Bool(*without_sub);
  w.EndObject();
}

std::string HeartbeatData::ToJson() const { return EncodeJsonBody(*this); }

}  // namespace rocketmq
