#include "mockbroker/broker/acl/plain_acl_config.h"

#include <algorithm>

namespace rocketmq::broker::acl {

namespace {

constexpr char kRetryGroupTopicPrefix[] = "%RETRY%";

std::string Trim(const std::string& s) {
  size_t b = 0;
  size_t e = s.size();
  while (b < e && static_cast<unsigned char>(s[b]) <= ' ') ++b;
  while (e > b && static_cast<unsigned char>(s[e - 1]) <= ' ') --e;
  return s.substr(b, e - b);
}

// commons-lang StringUtils.split(s, "="): tokens between '=' runs, empty tokens dropped.
std::vector<std::string> SplitOnEquals(const std::string& s) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= s.size()) {
    size_t end = s.find('=', start);
    if (end == std::string::npos) end = s.size();
    if (end > start) out.push_back(s.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

std::string OrNull(const std::optional<std::string>& s) { return s.has_value() ? *s : "null"; }

std::optional<std::string> OptionalString(const YamlNode* n) {
  if (n == nullptr || !n->IsScalar()) return std::nullopt;
  return n->text;
}

std::optional<std::vector<std::string>> OptionalList(const YamlNode* n) {
  if (n == nullptr || n->IsNull()) return std::nullopt;
  std::vector<std::string> out;
  if (n->IsSequence()) {
    for (const YamlNode& item : n->items) {
      if (item.IsScalar()) out.push_back(item.text);
    }
  } else if (n->IsScalar()) {
    out.push_back(n->text);  // fastjson turns a lone string into a one-item list
  }
  return out;
}

Status ParseResourcePerms(const std::optional<std::vector<std::string>>& resources, bool is_topic,
                          PlainAccessResource* out) {
  if (!resources.has_value()) return Status::OK();
  for (const std::string& item : *resources) {
    std::vector<std::string> parts = SplitOnEquals(item);
    if (parts.size() != 2) {
      return Status::InvalidArgument(std::string("Parse resource permission failed for ") +
                                     (is_topic ? "topic" : "group") + ":" + item);
    }
    std::string name = Trim(parts[0]);
    if (!is_topic) name = kRetryGroupTopicPrefix + name;
    out->resource_perms[name] = ParsePerm(Trim(parts[1]));
  }
  return Status::OK();
}

}  // namespace

uint8_t ParsePerm(const std::optional<std::string>& perm) {
  if (!perm.has_value()) return kPermDeny;
  const std::string p = Trim(*perm);
  if (p == "PUB") return kPermPub;
  if (p == "SUB") return kPermSub;
  if (p == "PUB|SUB" || p == "SUB|PUB") return kPermPub | kPermSub;
  return kPermDeny;
}

Status CheckPlainAccessConfig(const PlainAccessConfig& config) {
  if (!config.access_key.has_value() || !config.secret_key.has_value() ||
      config.access_key->size() <= kKeyMinLength || config.secret_key->size() <= kKeyMinLength) {
    return Status::InvalidArgument("The accessKey=" + OrNull(config.access_key) +
                                   " and secretKey=" + OrNull(config.secret_key) +
                                   " cannot be null and length should longer than 6");
  }
  return Status::OK();
}

Status CheckResourcePerms(const std::optional<std::vector<std::string>>& resources) {
  if (!resources.has_value()) return Status::OK();
  for (const std::string& item : *resources) {
    std::vector<std::string> parts = SplitOnEquals(item);
    if (parts.size() != 2) {
      return Status::InvalidArgument(
          "Parse Resource format error for " + item +
          ".\nThe expected resource format is 'Res=Perm'. For example: topicA=SUB");
    }
    const std::string perm = Trim(parts[1]);
    if (perm != "DENY" && ParsePerm(perm) == kPermDeny) {
      return Status::InvalidArgument(
          "Parse resource permission error for " + item +
          ".\nThe expected permissions are 'SUB' or 'PUB' or 'SUB|PUB' or 'PUB|SUB'.");
    }
  }
  return Status::OK();
}

std::vector<std::string> JavaSplitComma(const std::string& s) {
  std::vector<std::string> out;
  if (s.empty()) return {std::string()};
  size_t start = 0;
  while (start <= s.size()) {
    size_t end = s.find(',', start);
    if (end == std::string::npos) end = s.size();
    out.push_back(s.substr(start, end - start));
    start = end + 1;
  }
  while (!out.empty() && out.back().empty()) out.pop_back();
  return out;
}

Result<PlainAccessResource> PlainAccessResource::Build(const PlainAccessConfig& config) {
  ROCKETMQ_RETURN_IF_ERROR(CheckPlainAccessConfig(config));
  PlainAccessResource r;
  r.access_key = *config.access_key;
  r.secret_key = *config.secret_key;
  r.white_remote_address = config.white_remote_address.value_or("");
  r.admin = config.admin;
  r.default_topic_perm = ParsePerm(config.default_topic_perm);
  r.default_group_perm = ParsePerm(config.default_group_perm);
  ROCKETMQ_RETURN_IF_ERROR(ParseResourcePerms(config.group_perms, false, &r));
  ROCKETMQ_RETURN_IF_ERROR(ParseResourcePerms(config.topic_perms, true, &r));
  Result<RemoteAddressStrategy> white = RemoteAddressStrategy::Compile(r.white_remote_address);
  if (!white.ok()) return white.status();
  r.white_remote_strategy = std::move(*white);
  return r;
}

PlainAccessConfig AccountFromYaml(const YamlNode& account) {
  PlainAccessConfig c;
  c.access_key = OptionalString(account.Find(kAccessKeyKey));
  c.secret_key = OptionalString(account.Find(kSecretKeyKey));
  c.white_remote_address = OptionalString(account.Find(kWhiteAddrKey));
  if (const YamlNode* admin = account.Find(kAdminKey)) c.admin = admin->AsBool(false);
  c.default_topic_perm = OptionalString(account.Find(kDefaultTopicPermKey));
  c.default_group_perm = OptionalString(account.Find(kDefaultGroupPermKey));
  c.topic_perms = OptionalList(account.Find(kTopicPermsKey));
  c.group_perms = OptionalList(account.Find(kGroupPermsKey));
  return c;
}

PlainAclFile PlainAclFile::FromYaml(const YamlNode& root, int64_t now_ms) {
  PlainAclFile f;
  f.data_version.timestamp = now_ms;
  if (const YamlNode* addrs = root.Find(kGlobalWhiteAddrsKey)) {
    if (auto list = OptionalList(addrs)) f.global_white_remote_addresses = std::move(*list);
  }
  if (const YamlNode* accounts = root.Find(kAccountsKey); accounts && accounts->IsSequence()) {
    for (const YamlNode& a : accounts->items) {
      if (a.IsMap()) f.accounts.push_back(AccountFromYaml(a));
    }
  }
  if (const YamlNode* dv = root.Find(kDataVersionKey);
      dv && dv->IsSequence() && !dv->items.empty()) {
    const YamlNode& first = dv->items.front();
    if (const YamlNode* c = first.Find("counter")) f.data_version.counter = c->AsInt(0);
    if (const YamlNode* t = first.Find("timestamp")) f.data_version.timestamp = t->AsInt(now_ms);
  }
  return f;
}

void ApplyAccessConfig(const PlainAccessConfig& config, YamlNode* account) {
  if (!account->IsMap()) *account = YamlNode::Map();
  account->Set(kAccessKeyKey, YamlNode::String(config.access_key.value_or("")));
  if (config.secret_key.has_value() && !config.secret_key->empty()) {
    account->Set(kSecretKeyKey, YamlNode::String(*config.secret_key));
  }
  if (config.white_remote_address.has_value()) {
    account->Set(kWhiteAddrKey, YamlNode::String(*config.white_remote_address));
  }
  account->Set(kAdminKey, YamlNode::Bool(config.admin));
  if (config.default_topic_perm.has_value() && !config.default_topic_perm->empty()) {
    account->Set(kDefaultTopicPermKey, YamlNode::String(*config.default_topic_perm));
  }
  if (config.default_group_perm.has_value() && !config.default_group_perm->empty()) {
    account->Set(kDefaultGroupPermKey, YamlNode::String(*config.default_group_perm));
  }
  if (config.topic_perms.has_value()) {
    account->Set(kTopicPermsKey, YamlNode::StringSequence(*config.topic_perms));
  }
  if (config.group_perms.has_value()) {
    account->Set(kGroupPermsKey, YamlNode::StringSequence(*config.group_perms));
  }
}

DataVersion BumpDataVersion(YamlNode* root, int64_t now_ms) {
  DataVersion v;
  if (const YamlNode* dv = root->Find(kDataVersionKey);
      dv && dv->IsSequence() && !dv->items.empty()) {
    if (const YamlNode* c = dv->items.front().Find("counter")) v.counter = c->AsInt(0);
  }
  v.Next(now_ms);
  YamlNode entry = YamlNode::Map();
  entry.Set("counter", YamlNode::Int(v.counter));
  entry.Set("timestamp", YamlNode::Int(v.timestamp));
  root->Set(kDataVersionKey, YamlNode::Sequence({std::move(entry)}));
  return v;
}

}  // namespace rocketmq::broker::acl
