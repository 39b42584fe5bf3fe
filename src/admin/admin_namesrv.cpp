// DefaultMQAdminExt: NameServer KV config, NameServer configuration and broker write permission
// as the NameServers see it.
#include <algorithm>
#include <map>
#include <optional>

#include "admin/admin_client.h"
#include "admin/admin_convert.h"
#include "admin/java_properties_order.h"
#include "common/java_hash.h"
#include "common/model/json_body.h"
#include "common/model/list_bodies.h"
#include "common/properties.h"
#include "remoting/request_code.h"
#include "rocketmq/admin.h"

namespace rocketmq {

using remoting::RemotingCommand;
using remoting::RequestCode;

namespace {

// Java NamesrvUtil.NAMESPACE_ORDER_TOPIC_CONFIG.
constexpr char kOrderTopicConfigNamespace[] = "ORDER_TOPIC_CONFIG";

// A NameServer at a known address failed: its refusal as MQClientException(code, remark) (as
// Java), a transport failure with the address in the message.
[[noreturn]] void ThrowNamesrvError(const Status& st, const std::string& addr) {
  if (st.code() >= 0) throw MQClientException(st.message(), st.code());
  throw MQClientException(st.message() + " (NameServer " + addr + ")", st.code());
}

// Sends a copy of `request` to every address of `addrs`, as Java's putKVConfigValue and friends:
// a transport failure throws at once, a refusal is remembered and thrown after the loop.
void CallEveryNameServer(admin::AdminClient& c, const std::vector<std::string>& addrs,
                         const RemotingCommand& request) {
  std::optional<Status> refused;
  for (const std::string& addr : addrs) {
    Result<RemotingCommand> r = c.CallNameServerAt(addr, request);
    if (r.ok()) continue;
    if (r.status().code() < 0) ThrowNamesrvError(r.status(), addr);
    refused = r.status();
  }
  if (refused) throw MQClientException(refused->message(), refused->code());
}

std::vector<std::string> NameServersOrAll(admin::AdminClient& c,
                                          const std::vector<std::string>& name_servers) {
  return name_servers.empty() ? c.NamesrvAddrs() : name_servers;
}

// The key=value text of GET_NAMESRV_CONFIG from each NameServer, by address.
std::map<std::string, rocketmq::Properties> FetchNameServerConfigs(
    admin::AdminClient& c, const std::vector<std::string>& name_servers) {
  std::map<std::string, rocketmq::Properties> out;
  for (const std::string& addr : NameServersOrAll(c, name_servers)) {
    Result<RemotingCommand> r =
        c.CallNameServerAt(addr, RemotingCommand::CreateRequest(RequestCode::kGetNamesrvConfig));
    if (!r.ok()) ThrowNamesrvError(r.status(), addr);
    out[addr] = rocketmq::Properties::Parse(r->body());
  }
  return out;
}

std::vector<std::string> SplitLikeJava(const std::string& text, char sep) {
  std::vector<std::string> parts;
  size_t start = 0;
  while (true) {
    size_t end = text.find(sep, start);
    parts.push_back(text.substr(start, end == std::string::npos ? std::string::npos : end - start));
    if (end == std::string::npos) break;
    start = end + 1;
  }
  // Java String.split drops trailing empty strings.
  while (!parts.empty() && parts.back().empty()) parts.pop_back();
  return parts;
}

bool IsBlankLikeJava(const std::string& s) {
  return std::all_of(s.begin(), s.end(),
                     [](char ch) { return ch == ' ' || (ch >= '\t' && ch <= '\r'); });
}

}  // namespace

void DefaultMQAdminExt::createAndUpdateKvConfig(const std::string& name_space,
                                                const std::string& key, const std::string& value) {
  admin::AdminClient& c = Started();
  RemotingCommand request = RemotingCommand::CreateRequest(RequestCode::kPutKvConfig);
  request.SetExtField("namespace", name_space);
  request.SetExtField("key", key);
  request.SetExtField("value", value);
  CallEveryNameServer(c, c.NamesrvAddrs(), request);
}

void DefaultMQAdminExt::deleteKvConfig(const std::string& name_space, const std::string& key) {
  admin::AdminClient& c = Started();
  RemotingCommand request = RemotingCommand::CreateRequest(RequestCode::kDeleteKvConfig);
  request.SetExtField("namespace", name_space);
  request.SetExtField("key", key);
  CallEveryNameServer(c, c.NamesrvAddrs(), request);
}

std::string DefaultMQAdminExt::getKVConfig(const std::string& name_space, const std::string& key) {
  admin::AdminClient& c = Started();
  RemotingCommand request = RemotingCommand::CreateRequest(RequestCode::kGetKvConfig);
  request.SetExtField("namespace", name_space);
  request.SetExtField("key", key);
  RemotingCommand response = admin::ValueOrThrowClient(c.CallNameServer(std::move(request)));
  return response.ext_fields().GetOr("value");
}

admin::KVTable DefaultMQAdminExt::getKVListByNamespace(const std::string& name_space) {
  admin::AdminClient& c = Started();
  RemotingCommand request = RemotingCommand::CreateRequest(RequestCode::kGetKvlistByNamespace);
  request.SetExtField("namespace", name_space);
  RemotingCommand response = admin::ValueOrThrowClient(c.CallNameServer(std::move(request)));
  rocketmq::KVTable table =
      admin::ValueOrThrowClient(DecodeJsonBody<rocketmq::KVTable>(response.body()));
  return admin::KVTable(table.table.begin(), table.table.end());
}

void DefaultMQAdminExt::createOrUpdateOrderConf(const std::string& key, const std::string& value,
                                                bool is_cluster) {
  if (is_cluster) {
    createAndUpdateKvConfig(kOrderTopicConfigNamespace, key, value);
    return;
  }
  // Java keeps one "brokerName:num" item per broker in a HashMap and joins it in that map's
  // order; a missing or unreadable old conf counts as empty.
  std::string old_conf;
  try {
    old_conf = getKVConfig(kOrderTopicConfigNamespace, key);
  } catch (const MQException&) {
  }
  std::vector<std::string> names;  // in the order Java put them
  std::map<std::string, std::string> items;
  auto put = [&](const std::string& item) {
    std::vector<std::string> parts = SplitLikeJava(item, ':');
    const std::string name = parts.empty() ? "" : parts[0];
    if (items.find(name) == items.end()) names.push_back(name);
    items[name] = item;
  };
  if (!IsBlankLikeJava(old_conf)) {
    for (const std::string& item : SplitLikeJava(old_conf, ';')) put(item);
  }
  put(value);
  std::string merged;
  const char* separator = "";
  for (const std::string& name : JavaStringKeyOrder(names, JavaHashMapTableSize(names.size()))) {
    merged += separator + items[name];
    separator = ";";
  }
  createAndUpdateKvConfig(kOrderTopicConfigNamespace, key, merged);
}

int DefaultMQAdminExt::wipeWritePermOfBroker(const std::string& namesrv_addr,
                                             const std::string& broker_name) {
  admin::AdminClient& c = Started();
  RemotingCommand request = RemotingCommand::CreateRequest(RequestCode::kWipeWritePermOfBroker);
  request.SetExtField("brokerName", broker_name);
  Result<RemotingCommand> r = c.CallNameServerAt(namesrv_addr, std::move(request));
  if (!r.ok()) ThrowNamesrvError(r.status(), namesrv_addr);
  Result<int32_t> count = r->GetExtInt32("wipeTopicCount");
  if (!count.ok()) ThrowNamesrvError(count.status(), namesrv_addr);
  return *count;
}

int DefaultMQAdminExt::addWritePermOfBroker(const std::string& namesrv_addr,
                                            const std::string& broker_name) {
  admin::AdminClient& c = Started();
  RemotingCommand request = RemotingCommand::CreateRequest(RequestCode::kAddWritePermOfBroker);
  request.SetExtField("brokerName", broker_name);
  Result<RemotingCommand> r = c.CallNameServerAt(namesrv_addr, std::move(request));
  if (!r.ok()) ThrowNamesrvError(r.status(), namesrv_addr);
  Result<int32_t> count = r->GetExtInt32("addTopicCount");
  if (!count.ok()) ThrowNamesrvError(count.status(), namesrv_addr);
  return *count;
}

std::map<std::string, admin::Properties> DefaultMQAdminExt::getNameServerConfig(
    const std::vector<std::string>& name_servers) {
  admin::AdminClient& c = Started();
  std::map<std::string, admin::Properties> out;
  for (const auto& [addr, props] : FetchNameServerConfigs(c, name_servers)) {
    out[addr] = admin::ToPublic(props);
  }
  return out;
}

std::map<std::string, admin::PropertyList> DefaultMQAdminExt::getNameServerConfigInJavaOrder(
    const std::vector<std::string>& name_servers) {
  admin::AdminClient& c = Started();
  std::map<std::string, admin::PropertyList> out;
  for (const auto& [addr, props] : FetchNameServerConfigs(c, name_servers)) {
    out[addr] = admin::JavaPropertiesOrder(props);
  }
  return out;
}

void DefaultMQAdminExt::updateNameServerConfig(const admin::Properties& properties,
                                               const std::vector<std::string>& name_servers) {
  admin::AdminClient& c = Started();
  const std::string text = admin::ToInternal(properties).ToText();
  if (text.empty()) return;
  RemotingCommand request = RemotingCommand::CreateRequest(RequestCode::kUpdateNamesrvConfig);
  request.set_body(text);
  CallEveryNameServer(c, NameServersOrAll(c, name_servers), request);
}

}  // namespace rocketmq
