#include "tools/admin/cluster_brokers.h"

#include <map>
#include <set>

#include "tools/admin/command_error.h"
#include "tools/admin/java_hash.h"

namespace rocketmq::admin::tools {
namespace {

// The broker names of `cluster_name` in the iteration order of the HashSet fastjson decodes
// clusterAddrTable's sets into.
std::vector<std::string> BrokerNamesOfCluster(const ClusterInfo& info,
                                              const std::string& cluster_name) {
  auto it = info.cluster_addr_table.find(cluster_name);
  if (it == info.cluster_addr_table.end()) throw CommandError(kUnknownClusterMessage);
  return JavaHashSetOrder(std::vector<std::string>(it->second.begin(), it->second.end()));
}

}  // namespace

std::vector<std::string> FetchMasterAddrByClusterName(DefaultMQAdminExt& admin,
                                                      const std::string& cluster_name) {
  const ClusterInfo info = admin.examineBrokerClusterInfo();
  std::vector<std::string> masters;
  for (const std::string& name : BrokerNamesOfCluster(info, cluster_name)) {
    auto bd = info.broker_addr_table.find(name);
    if (bd == info.broker_addr_table.end()) continue;
    auto master = bd->second.broker_addrs.find(0);
    if (master != bd->second.broker_addrs.end()) masters.push_back(master->second);
  }
  return JavaHashSetOrder(masters);
}

std::vector<std::pair<std::string, std::vector<std::string>>> FetchMasterAndSlaveDistinguish(
    DefaultMQAdminExt& admin, const std::string& cluster_name) {
  const ClusterInfo info = admin.examineBrokerClusterInfo();
  std::vector<std::string> masters;
  std::map<std::string, std::vector<std::string>> slaves_of;
  for (const std::string& name : BrokerNamesOfCluster(info, cluster_name)) {
    auto bd = info.broker_addr_table.find(name);
    if (bd == info.broker_addr_table.end()) continue;
    auto master = bd->second.broker_addrs.find(0);
    const std::string master_addr =
        master == bd->second.broker_addrs.end() ? "null" : master->second;
    if (slaves_of.find(master_addr) == slaves_of.end()) masters.push_back(master_addr);
    // Java replaces the list when two groups share a master address (it never happens).
    std::vector<std::string>& slaves = slaves_of[master_addr];
    slaves.clear();
    for (const auto& [id, addr] : bd->second.broker_addrs) {
      if (id != 0) slaves.push_back(addr);
    }
  }
  std::vector<std::pair<std::string, std::vector<std::string>>> out;
  for (const std::string& master : JavaHashSetOrder(masters, 4)) {
    out.emplace_back(master, slaves_of[master]);
  }
  return out;
}

}  // namespace rocketmq::admin::tools
