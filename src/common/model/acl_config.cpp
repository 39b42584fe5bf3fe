#include "common/model/acl_config.h"

#include "common/json_fields.h"
#include "common/model/json_body.h"

namespace rocketmq {

namespace {

Status ReadOptionalString(const Json::Value& v, const char* key, std::optional<std::string>* out) {
  if (JsonFind(v, key) == nullptr) return Status::OK();
  std::string s;
  ROCKETMQ_RETURN_IF_ERROR(JsonGetString(v, key, &s));
  *out = std::move(s);
  return Status::OK();
}

Status ReadOptionalList(const Json::Value& v, const char* key,
                        std::optional<std::vector<std::string>>* out) {
  const Json::Value* list = JsonFind(v, key);
  if (list == nullptr) return Status::OK();
  std::vector<std::string> items;
  ROCKETMQ_RETURN_IF_ERROR(JsonReadStringArray(*list, key, &items));
  *out = std::move(items);
  return Status::OK();
}

void WriteOptionalList(JsonWriter& w, const char* key,
                       const std::optional<std::vector<std::string>>& list) {
  if (!list.has_value()) return;
  w.Key(key).BeginArray();
  for (const auto& s : *list) w.String(s);
  w.EndArray();
}

}  // namespace

bool PlainAccessConfig::operator==(const PlainAccessConfig& o) const {
  return access_key == o.access_key && secret_key == o.secret_key &&
         white_remote_address == o.white_remote_address && admin == o.admin &&
         default_topic_perm == o.default_topic_perm && default_group_perm == o.default_group_perm &&
         topic_perms == o.topic_perms && group_perms == o.group_perms;
}

Result<PlainAccessConfig> PlainAccessConfig::FromJson(const Json::Value& v) {
  if (!v.isObject()) return Status::Corruption("json: PlainAccessConfig must be an object");
  PlainAccessConfig c;
  ROCKETMQ_RETURN_IF_ERROR(ReadOptionalString(v, "accessKey", &c.access_key));
  ROCKETMQ_RETURN_IF_ERROR(ReadOptionalString(v, "secretKey", &c.secret_key));
  ROCKETMQ_RETURN_IF_ERROR(ReadOptionalString(v, "whiteRemoteAddress", &c.white_remote_address));
  ROCKETMQ_RETURN_IF_ERROR(JsonGetBool(v, "admin", &c.admin));
  ROCKETMQ_RETURN_IF_ERROR(ReadOptionalString(v, "defaultTopicPerm", &c.default_topic_perm));
  ROCKETMQ_RETURN_IF_ERROR(ReadOptionalString(v, "defaultGroupPerm", &c.default_group_perm));
  ROCKETMQ_RETURN_IF_ERROR(ReadOptionalList(v, "topicPerms", &c.topic_perms));
  ROCKETMQ_RETURN_IF_ERROR(ReadOptionalList(v, "groupPerms", &c.group_perms));
  return c;
}

void PlainAccessConfig::WriteJson(JsonWriter& w) const {
  w.BeginObject();
  if (access_key.has_value()) w.Key("accessKey").String(*access_key);
  w.Key("admin").Bool(admin);
  if (default_group_perm.has_value()) w.Key("defaultGroupPerm").String(*default_group_perm);
  if (default_topic_perm.has_value()) w.Key("defaultTopicPerm").String(*default_topic_perm);
  WriteOptionalList(w, "groupPerms", group_perms);
  if (secret_key.has_value()) w.Key("secretKey").String(*secret_key);
  WriteOptionalList(w, "topicPerms", topic_perms);
  if (white_remote_address.has_value()) {
    w.Key("whiteRemoteAddress").String(*white_remote_address);
  }
  w.EndObject();
}

std::string PlainAccessConfig::ToJson() const { return EncodeJsonBody(*this); }

Result<AclConfig> AclConfig::FromJson(const Json::Value& v) {
  if (!v.isObject()) return Status::Corruption("json: AclConfig must be an object");
  AclConfig c;
  if (const Json::Value* addrs = JsonFind(v, "globalWhiteAddrs")) {
    ROCKETMQ_RETURN_IF_ERROR(
        JsonReadStringArray(*addrs, "globalWhiteAddrs", &c.global_white_addrs));
  }
  if (const Json::Value* list = JsonFind(v, "plainAccessConfigs")) {
    ROCKETMQ_RETURN_IF_ERROR(JsonExpectArray(*list, "plainAccessConfigs"));
    for (const auto& item : *list) {
      Result<PlainAccessConfig> one = PlainAccessConfig::FromJson(item);
      if (!one.ok()) return one.status();
      c.plain_access_configs.push_back(std::move(*one));
    }
  }
  return c;
}

void AclConfig::WriteJson(JsonWriter& w) const {
  w.BeginObject();
  w.Key("globalWhiteAddrs").BeginArray();
  for (const auto& a : global_white_addrs) w.String(a);
  w.EndArray();
  w.Key("plainAccessConfigs").BeginArray();
  for (const auto& c : plain_access_configs) c.WriteJson(w);
  w.EndArray();
  w.EndObject();
}

std::string AclConfig::ToJson() const { return EncodeJsonBody(*this); }

}  // namespace rocketmq
