#include "common/model/topic_config_wrapper.h"

#include <zlib.h>

#include "common/byte_order.h"
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

Status Inflate(std::string_view in, std::string* out) {
  z_stream zs{};
  if (inflateInit(&zs) != Z_OK) return Status::Corruption("zlib: inflateInit failed");
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  zs.avail_in = static_cast<uInt>(in.size());
  char buf[16384];
  int rc = Z_OK;
  while (rc != Z_STREAM_END) {
    zs.next_out = reinterpret_cast<Bytef*>(buf);
    zs.avail_out = sizeof(buf);
    rc = inflate(&zs, Z_NO_FLUSH);
    if (rc != Z_OK && rc != Z_STREAM_END) break;
    out->append(buf, sizeof(buf) - zs.avail_out);
    if (out->size() > kMaxInflatedRegisterBody) {
      rc = Z_MEM_ERROR;
      break;
    }
    if (rc == Z_OK && zs.avail_in == 0 && zs.avail_out != 0) {
      rc = Z_DATA_ERROR;  // truncated stream
      break;
    }
  }
  inflateEnd(&zs);
  if (rc != Z_STREAM_END) return Status::Corruption("zlib: cannot inflate register body");
  return Status::OK();
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

std::string RegisterBrokerBody::ToJson() const {
  JsonWriter w;
  WriteJson(w);
  return w.Release();
}

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

  uLongf bound = compressBound(static_cast<uLong>(plain.size()));
  std::string packed(bound, '\0');
  compress2(reinterpret_cast<Bytef*>(packed.data()), &bound,
            reinterpret_cast<const Bytef*>(plain.data()), static_cast<uLong>(plain.size()),
            Z_BEST_COMPRESSION);
  packed.resize(bound);
  return packed;
}

Result<RegisterBrokerBody> RegisterBrokerBody::Decode(std::string_view body, bool compressed) {
  if (!compressed) return DecodeJsonBody<RegisterBrokerBody>(body);
  std::string plain;
  ROCKETMQ_RETURN_IF_ERROR(Inflate(body, &plain));
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
