// DefaultMQAdminExt: whole-table reads of one broker (topic configs, subscription groups) and
// its statistics items, the data that exportMetadata / exportConfigs / exportMetrics save.
#include <string>

#include "admin/admin_client.h"
#include "admin/admin_convert.h"
#include "common/model/broker_stats_data.h"
#include "common/model/json_body.h"
#include "common/model/list_bodies.h"
#include "common/model/subscription_group_config.h"
#include "common/model/topic_config_wrapper.h"
#include "remoting/request_code.h"
#include "rocketmq/admin.h"

namespace rocketmq {

using remoting::RemotingCommand;
using remoting::RequestCode;

namespace {

// Retry and dead-letter topic prefixes (Java MixAll).
constexpr char kRetryTopicPrefix[] = "%RETRY%";
constexpr char kDlqTopicPrefix[] = "%DLQ%";
// Groups Java's getUserSubscriptionGroup leaves out besides the CID_RMQ_SYS_ ones
// (DefaultMQAdminExtImpl.SYSTEM_GROUP_SET).
constexpr const char* kSystemGroups[] = {
    "DEFAULT_CONSUMER",   "DEFAULT_PRODUCER",      "TOOLS_CONSUMER",    "FILTERSRV_CONSUMER",
    "__MONITOR_CONSUMER", "CLIENT_INNER_PRODUCER", "SELF_TEST_P_GROUP", "SELF_TEST_C_GROUP",
    "CID_ONS-HTTP-PROXY", "CID_ONSAPI_PERMISSION", "CID_ONSAPI_OWNER",  "CID_ONSAPI_PULL",
    "CID_RMQ_SYS_TRANS"};

bool StartsWith(const std::string& s, const char* prefix) { return s.rfind(prefix, 0) == 0; }

bool IsSystemGroup(const std::string& group) {
  if (StartsWith(group, "CID_RMQ_SYS_")) return true;
  for (const char* g : kSystemGroups) {
    if (group == g) return true;
  }
  return false;
}

}  // namespace

admin::TopicConfigSerializeWrapper DefaultMQAdminExt::getAllTopicConfig(
    const std::string& broker_addr, int64_t timeout_ms) {
  admin::AdminClient& c = Started();
  RemotingCommand response = admin::ValueOrThrowBroker(
      c.CallBroker(broker_addr, RemotingCommand::CreateRequest(RequestCode::kGetAllTopicConfig),
                   timeout_ms),
      broker_addr);
  rocketmq::TopicConfigSerializeWrapper wrapper = admin::ValueOrThrowBroker(
      DecodeJsonBody<rocketmq::TopicConfigSerializeWrapper>(response.body()), broker_addr);
  admin::TopicConfigSerializeWrapper out;
  out.data_version = admin::ToPublic(wrapper.data_version);
  for (const auto& [topic, config] : wrapper.topic_config_table) {
    out.topic_config_table[topic] = admin::ToPublic(config);
  }
  return out;
}

admin::TopicConfigSerializeWrapper DefaultMQAdminExt::getUserTopicConfig(
    const std::string& broker_addr, bool special_topic, int64_t timeout_ms) {
  admin::TopicConfigSerializeWrapper wrapper = getAllTopicConfig(broker_addr, timeout_ms);
  admin::AdminClient& c = Started();
  RemotingCommand response = admin::ValueOrThrowBroker(
      c.CallBroker(broker_addr,
                   RemotingCommand::CreateRequest(RequestCode::kGetSystemTopicListFromBroker),
                   timeout_ms),
      broker_addr);
  rocketmq::TopicList system_topics =
      admin::ValueOrThrowBroker(DecodeJsonBody<rocketmq::TopicList>(response.body()), broker_addr);
  for (auto it = wrapper.topic_config_table.begin(); it != wrapper.topic_config_table.end();) {
    const std::string& topic = it->first;
    bool system = false;
    for (const std::string& t : system_topics.topic_list) system = system || t == topic;
    bool special = StartsWith(topic, kRetryTopicPrefix) || StartsWith(topic, kDlqTopicPrefix);
    if (system || (!special_topic && special)) {
      it = wrapper.topic_config_table.erase(it);
    } else {
      ++it;
    }
  }
  return wrapper;
}

admin::SubscriptionGroupWrapper DefaultMQAdminExt::getAllSubscriptionGroup(
    const std::string& broker_addr, int64_t timeout_ms) {
  admin::AdminClient& c = Started();
  RemotingCommand response = admin::ValueOrThrowBroker(
      c.CallBroker(broker_addr,
                   RemotingCommand::CreateRequest(RequestCode::kGetAllSubscriptionGroupConfig),
                   timeout_ms),
      broker_addr);
  rocketmq::SubscriptionGroupWrapper wrapper = admin::ValueOrThrowBroker(
      DecodeJsonBody<rocketmq::SubscriptionGroupWrapper>(response.body()), broker_addr);
  admin::SubscriptionGroupWrapper out;
  out.data_version = admin::ToPublic(wrapper.data_version);
  for (const auto& [group, config] : wrapper.subscription_group_table) {
    out.subscription_group_table[group] = admin::ToPublic(config);
  }
  return out;
}

admin::SubscriptionGroupWrapper DefaultMQAdminExt::getUserSubscriptionGroup(
    const std::string& broker_addr, int64_t timeout_ms) {
  admin::SubscriptionGroupWrapper wrapper = getAllSubscriptionGroup(broker_addr, timeout_ms);
  for (auto it = wrapper.subscription_group_table.begin();
       it != wrapper.subscription_group_table.end();) {
    it = IsSystemGroup(it->first) ? wrapper.subscription_group_table.erase(it) : std::next(it);
  }
  return wrapper;
}

}  // namespace rocketmq
