// DefaultMQAdminExt: broker store maintenance (expired consume queues, expired commit log files,
// unused topics), on one broker or on every broker of a cluster.
#include <string>
#include <vector>

#include "admin/admin_client.h"
#include "remoting/request_code.h"
#include "rocketmq/admin.h"

namespace rocketmq {

using remoting::RemotingCommand;
using remoting::RequestCode;

namespace {

// Sends a header-less maintenance request; true on SUCCESS, throws the broker's error.
bool CallMaintenance(admin::AdminClient& c, const std::string& addr, int32_t code) {
  admin::ValueOrThrowBroker(c.CallBroker(addr, RemotingCommand::CreateRequest(code)), addr);
  return true;
}

// Every broker address (master first, then slaves) of `cluster`, or of every cluster when it is
// empty, in cluster / broker name order (Java ClusterInfo.retrieveAllAddrByCluster).
std::vector<std::string> MaintenanceTargets(const admin::ClusterInfo& info,
                                            const std::string& cluster) {
  std::vector<std::string> addrs;
  for (const auto& [cluster_name, broker_names] : info.cluster_addr_table) {
    if (!cluster.empty() && cluster_name != cluster) continue;
    for (const std::string& broker_name : broker_names) {
      auto it = info.broker_addr_table.find(broker_name);
      if (it == info.broker_addr_table.end()) continue;
      for (const auto& [id, addr] : it->second.broker_addrs) addrs.push_back(addr);
    }
  }
  return addrs;
}

bool MaintainCluster(DefaultMQAdminExt& admin, admin::AdminClient& c, const std::string& cluster,
                     int32_t code) {
  bool result = false;
  for (const std::string& addr : MaintenanceTargets(admin.examineBrokerClusterInfo(), cluster)) {
    result = CallMaintenance(c, addr, code);
  }
  return result;
}

}  // namespace

bool DefaultMQAdminExt::cleanExpiredConsumerQueueByAddr(const std::string& addr) {
  return CallMaintenance(Started(), addr, RequestCode::kCleanExpiredConsumequeue);
}

bool DefaultMQAdminExt::deleteExpiredCommitLogByAddr(const std::string& addr) {
  return CallMaintenance(Started(), addr, RequestCode::kDeleteExpiredCommitlog);
}

bool DefaultMQAdminExt::cleanUnusedTopicByAddr(const std::string& addr) {
  return CallMaintenance(Started(), addr, RequestCode::kCleanUnusedTopic);
}

bool DefaultMQAdminExt::cleanExpiredConsumerQueue(const std::string& cluster) {
  return MaintainCluster(*this, Started(), cluster, RequestCode::kCleanExpiredConsumequeue);
}

bool DefaultMQAdminExt::deleteExpiredCommitLog(const std::string& cluster) {
  return MaintainCluster(*this, Started(), cluster, RequestCode::kDeleteExpiredCommitlog);
}

bool DefaultMQAdminExt::cleanUnusedTopic(const std::string& cluster) {
  return MaintainCluster(*this, Started(), cluster, RequestCode::kCleanUnusedTopic);
}

}  // namespace rocketmq
