#include "common/model/topic_config_wrapper.h"

#include "common/byte_order.h"
#include "common/compression.h"
#include "common/java_hash.h"
#include "common/json_fields.h"
#include "common/json_reader.h"
#include "common/model/json_body.h"

namespace rocketmq {

namespace {

constexpr size_t kMaxInflatedRegisterBody = 64u << 20;

Status ReadStringArray(const Json::Value& v, const char* what, std::vector<std::string>* out) {
  ROCKETMQ_RETURN_IF_ERROR(JsonExpectArray(v, what));
  for (const auto& e : v) {
    std::string s;
    ROCKETMQ_RETURN_IF_ERROR(JsonAsString(e, &s));
    out->push_back(std::move(s));
  }
  return Status::OK();
}

void WriteStringArray(JsonWriter& w, const std::vector<std::string>& list) {
  w.BeginArray();
  for (const auto& s : list) w.String(s);
  w.EndArray();
}

bool ReadBlob(ByteReader& r, std::string_view* blob) {
  int32_t len = 0;
  return r.GetI32(&len) && len >= 0 && r.GetBytes(static_cast<size_t>(len), blob);
}

}  // namespace

Result<TopicConfigSerializeWrapper> TopicConfigSerializeWrapper::FromJson(const Json::Value& v) {
  if (!v.isObject()) return Status::Corruption("json: TopicConfigSerializeWrapper not an object");
  TopicConfigSerializeWrapper w;
  if (const Json::Value* dv = JsonFind(v, "dataVersion")) {
    Result<DataVersion> parsed = DataVersion::FromJson(*dv);
    if (!parsed.ok()) return parsed.status();
    w.data_version = *parsed;
  }
  if (const Json::Value* table = JsonFind(v, "topicConfigTable")) {
    ROCKETMQ_RETURN_IF_ERROR(JsonExpectObject(*table, "topicConfigTable"));
    for (auto it = table->begin(); it != table->end(); ++it) {
      Result<TopicConfig> tc = TopicConfig::FromJson(*it);
      if (!tc.ok()) return tc.status();
      if (tc->topic_name.empty()) tc->topic_name = it.name();
      w.topic_config_table[it.name()] = std::move(*tc);
    }
  }
  return w;
}

void TopicConfigSerializeWrapper::WriteJson(JsonWriter& w) const {
  std::vector<std::string> keys;
  for (const auto& kv : topic_config_table) keys.push_back(kv.first);
  w.BeginObject();
  w.Key("dataVersion");
  data_version.WriteJson(w);
  w.Key("topicConfigTable").BeginObject();
  for (const auto& k : JavaStringKeyOrder(std::move(keys), kTopicConfigTableBuckets)) {
    w.Key(k);
    topic_config_table.at(k).WriteJson(w);
  }
  w.EndObject();
  w.EndObject();
}

std::string TopicConfigSerializeWrapper::ToJson(bool pretty) const {
  JsonWriter w(JsonStyle::kFastjson, pretty);
  WriteJson(w);
  return w.Release();
}

Result<RegisterBrokerBody> RegisterBrokerBody::FromJson(const Json::Value& v) {
  if (!v.isObject()) return Status::Corruption("json: RegisterBrokerBody must be an object");
  RegisterBrokerBody body;
  if (const Json::Value* wrapper = JsonFind(v, "topicConfigSerializeWrapper")) {
    Result<TopicConfigSerializeWrapper> parsed = TopicConfigSerializeWrapper::FromJson(*wrapper);
    if (!parsed.ok()) return parsed.status();
    body.topic_config_serialize_wrapper = std::move(*parsed);
  }
  if (const Json::Value* list = JsonFind(v, "filterServerList")) {
    ROCKETMQ_RETURN_IF_ERROR(ReadStringArray(*list, "filterServerList", &body.filter_server_list));
  }
  return body;
}

void RegisterBrokerBody::WriteJson(JsonWriter& w) const {
  w.BeginObject();
  w.Key("filterServerList");
  WriteStringArray(w, filter_server_list);
  w.Key("topicConfigSerializeWrapper");
  topic_config_serialize_wrapper.WriteJson(w);
  w.EndObject();
}

std::string RegisterBrokerBody::ToJson() const { return EncodeJsonBody(*this); }

std::string RegisterBrokerBody::EncodeCompressed() const {
  std::string plain;
  ByteWriter out(&plain);
  auto put_blob = [&out](const std::string& blob) {
    out.PutI32(static_cast<int32_t>(blob.size()));
    out.PutBytes(blob);
  };
  put_blob(topic_config_serialize_wrapper.data_version.ToJson());
  const auto& table = topic_config_serialize_wrapper.topic_config_table;
  out.PutI32(static_cast<int32_t>(table.size()));
  for (const auto& kv : table) put_blob(kv.second.EncodeCompact());
  JsonWriter list;
  WriteStringArray(list, filter_server_list);
  put_blob(list.str());

  // Java's Deflater(BEST_COMPRESSION); level 9 is always valid, so this cannot fail.
  return ZlibCompress(plain, 9).value();
}

Result<RegisterBrokerBody> RegisterBrokerBody::Decode(std::string_view body, bool compressed) {
  if (!compressed) return DecodeJsonBody<RegisterBrokerBody>(body);
  Result<std::string> inflated = ZlibDecompress(body, kMaxInflatedRegisterBody);
  if (!inflated.ok()) return inflated.status();
  const std::string& plain = *inflated;
  ByteReader r(plain);
  std::string_view blob;
  if (!ReadBlob(r, &blob)) return Status::Corruption("register body: truncated DataVersion");
  Result<Json::Value> dv_doc = ParseJson(blob);
  if (!dv_doc.ok()) return dv_doc.status();
  Result<DataVersion> dv = DataVersion::FromJson(*dv_doc);
  if (!dv.ok()) return dv.status();
  RegisterBrokerBody out;
  out.topic_config_serialize_wrapper.data_version = *dv;
  int32_t count = 0;
  if (!r.GetI32(&count) || count < 0) return Status::Corruption("register body: bad topic count");
  for (int32_t i = 0; i < count; ++i) {
    if (!ReadBlob(r, &blob)) return Status::Corruption("register body: truncated TopicConfig");
    Result<TopicConfig> tc = TopicConfig::DecodeCompact(blob);
    if (!tc.ok()) return tc.status();
    out.topic_config_serialize_wrapper.topic_config_table[tc->topic_name] = std::move(*tc);
  }
  if (!ReadBlob(r, &blob)) return Status::Corruption("register body: truncated filterServerList");
  Result<Json::Value> list = ParseJson(blob);
  if (!list.ok()) return list.status();
  ROCKETMQ_RETURN_IF_ERROR(ReadStringArray(*list, "filterServerList", &out.filter_server_list));
  // 5.x brokers append TopicQueueMappingInfo blobs here; 4.x has nothing more. Not needed.
  return out;
}

}  // namespace rocketmq
