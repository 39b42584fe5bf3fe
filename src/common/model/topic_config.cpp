#include "common/model/topic_config.h"

#include <vector>

#include "common/json_fields.h"
#include "common/json_reader.h"
#include "common/model/json_body.h"

namespace rocketmq {

std::string PermToString(int32_t perm) {
  std::string s = "---";
  if (PermIsReadable(perm)) s[0] = 'R';
  if (PermIsWriteable(perm)) s[1] = 'W';
  if (PermIsInherited(perm)) s[2] = 'X';
  return s;
}

bool TopicConfig::operator==(const TopicConfig& o) const {
  return topic_name == o.topic_name && read_queue_nums == o.read_queue_nums &&
         write_queue_nums == o.write_queue_nums && perm == o.perm &&
         topic_filter_type == o.topic_filter_type && topic_sys_flag == o.topic_sys_flag &&
         order == o.order && attributes == o.attributes;
}

namespace {

Status ReadAttributes(const Json::Value& v, std::map<std::string, std::string>* out) {
  ROCKETMQ_RETURN_IF_ERROR(JsonExpectObject(v, "attributes"));
  for (auto it = v.begin(); it != v.end(); ++it) {
    std::string value;
    if (!it->isNull()) ROCKETMQ_RETURN_IF_ERROR(JsonAsString(*it, &value));
    (*out)[it.name()] = value;
  }
  return Status::OK();
}

void WriteAttributes(JsonWriter& w, const std::map<std::string, std::string>& attributes) {
  w.BeginObject();
  for (const auto& [k, v] : attributes) w.Key(k).String(v);
  w.EndObject();
}

}  // namespace

Result<TopicConfig> TopicConfig::FromJson(const Json::Value& v) {
  if (!v.isObject()) return Status::Corruption("json: TopicConfig must be an object");
  TopicConfig tc;
  ROCKETMQ_RETURN_IF_ERROR(JsonGetString(v, "topicName", &tc.topic_name));
  ROCKETMQ_RETURN_IF_ERROR(JsonGetInt32(v, "readQueueNums", &tc.read_queue_nums));
  ROCKETMQ_RETURN_IF_ERROR(JsonGetInt32(v, "writeQueueNums", &tc.write_queue_nums));
  ROCKETMQ_RETURN_IF_ERROR(JsonGetInt32(v, "perm", &tc.perm));
  ROCKETMQ_RETURN_IF_ERROR(JsonGetString(v, "topicFilterType", &tc.topic_filter_type));
  ROCKETMQ_RETURN_IF_ERROR(JsonGetInt32(v, "topicSysFlag", &tc.topic_sys_flag));
  ROCKETMQ_RETURN_IF_ERROR(JsonGetBool(v, "order", &tc.order));
  if (const Json::Value* attrs = JsonFind(v, "attributes")) {
    tc.attributes.emplace();
    ROCKETMQ_RETURN_IF_ERROR(ReadAttributes(*attrs, &*tc.attributes));
  }
  return tc;
}

void TopicConfig::WriteJson(JsonWriter& w) const {
  w.BeginObject();
  if (attributes) {
    w.Key("attributes");
    WriteAttributes(w, *attributes);
  }
  w.Key("order").Bool(order);
  w.Key("perm").Int(perm);
  w.Key("readQueueNums").Int(read_queue_nums);
  w.Key("topicFilterType").String(topic_filter_type);
  w.Key("topicName").String(topic_name);
  w.Key("topicSysFlag").Int(topic_sys_flag);
  w.Key("writeQueueNums").Int(write_queue_nums);
  w.EndObject();
}

std::string TopicConfig::ToJson() const { return EncodeJsonBody(*this); }

std::string TopicConfig::EncodeCompact() const {
  std::string s = topic_name + " " + std::to_string(read_queue_nums) + " " +
                  std::to_string(write_queue_nums) + " " + std::to_string(perm) + " " +
                  topic_filter_type;
  if (attributes) {
    JsonWriter w;
    WriteAttributes(w, *attributes);
    s += " " + w.Release();
  }
  return s;
}

Result<TopicConfig> TopicConfig::DecodeCompact(std::string_view text) {
  // Java splits on single spaces; the attributes JSON (5.x) is everything after the 5th field.
  std::vector<std::string_view> parts;
  size_t start = 0;
  while (parts.size() < 5) {
    const size_t sp = text.find(' ', start);
    if (sp == std::string_view::npos) {
      parts.push_back(text.substr(start));
      start = text.size();
      break;
    }
    parts.push_back(text.substr(start, sp - start));
    start = sp + 1;
  }
  if (parts.size() < 5) return Status::Corruption("compact TopicConfig: expected 5 fields");
  TopicConfig tc;
  tc.topic_name = std::string(parts[0]);
  int32_t* ints[] = {&tc.read_queue_nums, &tc.write_queue_nums, &tc.perm};
  for (int i = 0; i < 3; ++i) {
    ROCKETMQ_RETURN_IF_ERROR(JsonAsInt32(Json::Value(std::string(parts[1 + i])), ints[i]));
  }
  tc.topic_filter_type = std::string(parts[4]);
  if (start < text.size()) {
    Result<Json::Value> attrs = ParseJson(text.substr(start));
    if (!attrs.ok()) return attrs.status();
    tc.attributes.emplace();
    ROCKETMQ_RETURN_IF_ERROR(ReadAttributes(*attrs, &*tc.attributes));
  }
  return tc;
}

}  // namespace rocketmq
