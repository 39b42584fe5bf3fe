#include "tools/admin/cluster_addresses.h"

#include "tools/admin/command_error.h"
#include "tools/admin/java_hash.h"

namespace rocketmq::admin::tools {

std::vector<std::string> BrokerNamesOfCluster(const ClusterInfo& info, const std::string& cluster) {
  auto it = info.cluster_addr_table.find(cluster);
  if (it == info.cluster_addr_table.end()) {
    throw CommandError("cluster " + cluster + " not found: " + kUnknownClusterMessage);
  }
  return JavaHashSetOrder(std::vector<std::string>(it->second.begin(), it->second.end()));
}

std::vector<std::string> FetchMasterAddrByClusterName(DefaultMQAdminExt& admin,
                                                      const std::string& cluster) {
  ClusterInfo info = admin.examineBrokerClusterInfo();
  std::vector<std::string> masters;
  for (const std::string& name : BrokerNamesOfCluster(info, cluster)) {
    auto bd = info.broker_addr_table.find(name);
    if (bd == info.broker_addr_table.end()) continue;
    auto master = bd->second.broker_addrs.find(0);
    if (master != bd->second.broker_addrs.end()) masters.push_back(master->second);
  }
  return JavaHashSetOrder(masters);
}

std::vector<std::string> FetchMasterAndSlaveAddrByClusterName(DefaultMQAdminExt& admin,
                                                              const std::string& cluster) {
  ClusterInfo info = admin.examineBrokerClusterInfo();
  std::vector<std::string> addrs;
  for (const std::string& name : BrokerNamesOfCluster(info, cluster)) {
    auto bd = info.broker_addr_table.find(name);
    if (bd == info.broker_addr_table.end()) continue;
    for (const auto& [id, addr] : bd->second.broker_addrs) addrs.push_back(addr);
  }
  return JavaHashSetOrder(addrs);
}

std::vector<std::pair<std::string, std::vector<std::string>>> FetchMasterAndSlaveDistinguish(
    DefaultMQAdminExt& admin, const std::string& cluster) {
  ClusterInfo info = admin.examineBrokerClusterInfo();
  std::vector<std::pair<std::string, std::vector<std::string>>> entries;
  for (const std::string& name : BrokerNamesOfCluster(info, cluster)) {
    auto bd = info.broker_addr_table.find(name);
    if (bd == info.broker_addr_table.end()) continue;
    auto master = bd->second.broker_addrs.find(0);
    if (master == bd->second.broker_addrs.end()) continue;  // Java would key it by null
    std::vector<std::string> slaves;
    for (const auto& [id, addr] : bd->second.broker_addrs) {
      if (id != 0) slaves.push_back(addr);
    }
    entries.emplace_back(master->second, std::move(slaves));
  }
  // new HashMap<>(4) keyed by the master address.
  std::vector<int32_t> hashes;
  for (const auto& e : entries) hashes.push_back(JavaStringHashCode(e.first));
  std::vector<std::pair<std::string, std::vector<std::string>>> ordered;
  for (size_t i : JavaHashOrder(hashes, 4)) ordered.push_back(entries[i]);
  return ordered;
}

}  // namespace rocketmq::admin::tools
