#include "common/model/consumer_offset_wrapper.h"

#include <charconv>
#include <vector>

#include "common/java_hash.h"
#include "common/json_fields.h"

namespace rocketmq {

namespace {

constexpr size_t kOffsetTableInitial = 512;  // ConsumerOffsetManager outer map
constexpr size_t kQueueOffsetInitial = 32;   // per topic@group map, and the delay table

Status ReadIntKeyedOffsets(const Json::Value& v, const char* what,
                           std::map<int32_t, int64_t>* out) {
  ROCKETMQ_RETURN_IF_ERROR(JsonExpectObject(v, what));
  for (auto it = v.begin(); it != v.end(); ++it) {
    const std::string name = it.name();
    int32_t key = 0;
    auto r = std::from_chars(name.data(), name.data() + name.size(), key);
    if (name.empty() || r.ec != std::errc() || r.ptr != name.data() + name.size()) {
      return Status::Corruption(std::string("json: '") + what + "' key '" + name +
                                "' is not an integer");
    }
    int64_t offset = 0;
    ROCKETMQ_RETURN_IF_ERROR(JsonAsInt64(*it, &offset));
    (*out)[key] = offset;
  }
  return Status::OK();
}

void WriteIntKeyedOffsets(JsonWriter& w, const std::map<int32_t, int64_t>& map) {
  std::vector<int32_t> keys;
  for (const auto& kv : map) keys.push_back(kv.first);
  const size_t buckets = JavaConcurrentHashMapTableSize(kQueueOffsetInitial, keys.size());
  w.BeginObject();
  for (size_t i : JavaHashIterationOrder(keys, buckets)) w.IntKey(keys[i]).Int(map.at(keys[i]));
  w.EndObject();
}

Status ReadOptionalDataVersion(const Json::Value& v, std::optional<DataVersion>* out) {
  const Json::Value* dv = JsonFind(v, "dataVersion");
  if (dv == nullptr) return Status::OK();
  Result<DataVersion> parsed = DataVersion::FromJson(*dv);
  if (!parsed.ok()) return parsed.status();
  *out = *parsed;
  return Status::OK();
}

}  // namespace

Result<ConsumerOffsetSerializeWrapper> ConsumerOffsetSerializeWrapper::FromJson(
    const Json::Value& v) {
  if (!v.isObject()) return Status::Corruption("json: consumer offset table not an object");
  ConsumerOffsetSerializeWrapper w;
  ROCKETMQ_RETURN_IF_ERROR(ReadOptionalDataVersion(v, &w.data_version));
  if (const Json::Value* table = JsonFind(v, "offsetTable")) {
    ROCKETMQ_RETURN_IF_ERROR(JsonExpectObject(*table, "offsetTable"));
    for (auto it = table->begin(); it != table->end(); ++it) {
      ROCKETMQ_RETURN_IF_ERROR(
          ReadIntKeyedOffsets(*it, "offsetTable entry", &w.offset_table[it.name()]));
    }
  }
  return w;
}

void ConsumerOffsetSerializeWrapper::WriteJson(JsonWriter& w) const {
  std::vector<std::string> keys;
  for (const auto& kv : offset_table) keys.push_back(kv.first);
  const size_t buckets = JavaConcurrentHashMapTableSize(kOffsetTableInitial, keys.size());
  w.BeginObject();
  if (data_version) {
    w.Key("dataVersion");
    data_version->WriteJson(w);
  }
  w.Key("offsetTable").BeginObject();
  for (const auto& k : JavaStringKeyOrder(std::move(keys), buckets)) {
    w.Key(k);
    WriteIntKeyedOffsets(w, offset_table.at(k));
  }
  w.EndObject();
  w.EndObject();
}

std::string ConsumerOffsetSerializeWrapper::ToJson(bool pretty) const {
  JsonWriter w(JsonStyle::kFastjson, pretty);
  WriteJson(w);
  return w.Release();
}

Result<DelayOffsetSerializeWrapper> DelayOffsetSerializeWrapper::FromJson(const Json::Value& v) {
  if (!v.isObject()) return Status::Corruption("json: delay offset table not an object");
  DelayOffsetSerializeWrapper w;
  ROCKETMQ_RETURN_IF_ERROR(ReadOptionalDataVersion(v, &w.data_version));
  if (const Json::Value* table = JsonFind(v, "offsetTable")) {
    ROCKETMQ_RETURN_IF_ERROR(ReadIntKeyedOffsets(*table, "offsetTable", &w.offset_table));
  }
  return w;
}

void DelayOffsetSerializeWrapper::WriteJson(JsonWriter& w) const {
  w.BeginObject();
  if (data_version) {
    w.Key("dataVersion");
    data_version->WriteJson(w);
  }
  w.Key("offsetTable");
  WriteIntKeyedOffsets(w, offset_table);
  w.EndObject();
}

std::string DelayOffsetSerializeWrapper::ToJson(bool pretty) const {
  JsonWriter w(JsonStyle::kFastjson, pretty);
  WriteJson(w);
  return w.Release();
}

}  // namespace rocketmq
