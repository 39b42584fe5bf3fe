// DefaultMQAdminExt: topic configuration and statistics.
#include "admin/admin_client.h"
#include "admin/admin_convert.h"
#include "common/model/json_body.h"
#include "remoting/request_code.h"
#include "rocketmq/admin.h"

namespace rocketmq {

using remoting::RemotingCommand;
using remoting::RequestCode;

void DefaultMQAdminExt::createAndUpdateTopicConfig(const std::string& addr,
                                                   const admin::TopicConfig& config) {
  admin::AdminClient& c = Started();
  Status st =
      c.api().CreateTopic(addr, admin::kDefaultTopic, admin::ToInternal(config), c.timeout_ms());
  if (!st.ok()) admin::ThrowBrokerError(st, addr);
}

admin::TopicStatsTable DefaultMQAdminExt::examineTopicStats(const std::string& topic) {
  admin::AdminClient& c = Started();
  rocketmq::TopicRouteData route =
      admin::ValueOrThrowClient(c.api().GetTopicRouteInfoFromNameServer(topic, c.timeout_ms()));
  admin::TopicStatsTable result;
  for (const rocketmq::BrokerData& bd : route.broker_datas) {
    const std::string addr = bd.SelectBrokerAddr();
    if (addr.empty()) continue;
    RemotingCommand request = RemotingCommand::CreateRequest(RequestCode::kGetTopicStatsInfo);
    request.SetExtField("topic", topic);
    RemotingCommand response =
        admin::ValueOrThrowBroker(c.CallBroker(addr, std::move(request)), addr);
    rocketmq::TopicStatsTable table =
        admin::ValueOrThrowBroker(DecodeJsonBody<rocketmq::TopicStatsTable>(response.body()), addr);
    for (const auto& [mq, offset] : table.offset_table) {
      result.offset_table[admin::ToPublicQueue(mq)] =
          admin::TopicOffset{offset.min_offset, offset.max_offset, offset.last_update_timestamp};
    }
  }
  if (result.offset_table.empty()) {
    throw MQClientException("Not found the topic stats info", -1);
  }
  return result;
}

void DefaultMQAdminExt::deleteTopicInBroker(const std::set<std::string>& addrs,
                                            const std::string& topic) {
  admin::AdminClient& c = Started();
  for (const std::string& addr : addrs) {
    RemotingCommand request = RemotingCommand::CreateRequest(RequestCode::kDeleteTopicInBroker);
    request.SetExtField("topic", topic);
    admin::ValueOrThrowBroker(c.CallBroker(addr, std::move(request)), addr);
  }
}

void DefaultMQAdminExt::deleteTopicInNameServer(const std::set<std::string>& addrs,
                                                const std::string& topic,
                                                const std::string& cluster_name) {
  admin::AdminClient& c = Started();
  std::vector<std::string> targets(addrs.begin(), addrs.end());
  if (targets.empty()) targets = c.NamesrvAddrs();
  for (const std::string& addr : targets) {
    RemotingCommand request = RemotingCommand::CreateRequest(RequestCode::kDeleteTopicInNamesrv);
    request.SetExtField("topic", topic);
    if (!cluster_name.empty()) request.SetExtField("clusterName", cluster_name);
    admin::ValueOrThrowClient(c.CallNameServerAt(addr, std::move(request)));
  }
}

}  // namespace rocketmq
