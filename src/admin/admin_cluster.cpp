// DefaultMQAdminExt: cluster and route queries (NameServer).
#include "admin/admin_client.h"
#include "admin/admin_convert.h"
#include "common/model/json_body.h"
#include "remoting/request_code.h"
#include "rocketmq/admin.h"

namespace rocketmq {

using remoting::RemotingCommand;
using remoting::RequestCode;

admin::ClusterInfo DefaultMQAdminExt::examineBrokerClusterInfo() {
  admin::AdminClient& c = Started();
  return admin::ToPublic(admin::ValueOrThrowClient(c.api().GetBrokerClusterInfo(c.timeout_ms())));
}

admin::TopicRouteData DefaultMQAdminExt::examineTopicRouteInfo(const std::string& topic) {
  admin::AdminClient& c = Started();
  return admin::ToPublic(
      admin::ValueOrThrowClient(c.api().GetTopicRouteInfoFromNameServer(topic, c.timeout_ms())));
}

admin::TopicList DefaultMQAdminExt::fetchAllTopicList() {
  admin::AdminClient& c = Started();
  return admin::ToPublic(
      admin::ValueOrThrowClient(c.api().GetTopicListFromNameServer(c.timeout_ms())));
}

admin::TopicList DefaultMQAdminExt::fetchTopicsByCluster(const std::string& cluster_name) {
  admin::AdminClient& c = Started();
  RemotingCommand request = RemotingCommand::CreateRequest(RequestCode::kGetTopicsByCluster);
  request.SetExtField("cluster", cluster_name);
  RemotingCommand response = admin::ValueOrThrowClient(c.CallNameServer(std::move(request)));
  return admin::ToPublic(admin::ValueOrThrowClient(DecodeJsonBody<TopicList>(response.body())));
}

std::set<std::string> DefaultMQAdminExt::getTopicClusterList(const std::string& topic) {
  admin::ClusterInfo clusters = examineBrokerClusterInfo();
  admin::TopicRouteData route = examineTopicRouteInfo(topic);
  std::set<std::string> result;
  if (route.broker_datas.empty()) return result;
  const std::string& broker_name = route.broker_datas[0].broker_name;
  for (const auto& [cluster, broker_names] : clusters.cluster_addr_table) {
    if (broker_names.count(broker_name) != 0) result.insert(cluster);
  }
  return result;
}

}  // namespace rocketmq
