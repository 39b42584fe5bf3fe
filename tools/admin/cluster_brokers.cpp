#include "tools/admin/cluster_brokers.h"

#include <map>

#include "tools/admin/cluster_lookup.h"
#include "tools/admin/java_hash.h"

namespace rocketmq::admin::tools {

std::vector<std::pair<std::string, std::vector<std::string>>> MasterAndSlaveAddrsOfCluster(
    const ClusterInfo& info, const std::string& cluster) {
  std::vector<std::string> masters;  // in the order Java put them into its HashMap
  std::map<std::string, std::vector<std::string>> slaves_of;
  for (const std::string& name : BrokerNamesOfCluster(info, cluster)) {
    auto bd = info.broker_addr_table.find(name);
    if (bd == info.broker_addr_table.end()) continue;
    auto master = bd->second.broker_addrs.find(0);
    const std::string master_addr =
        master == bd->second.broker_addrs.end() ? "null" : master->second;
    if (slaves_of.find(master_addr) == slaves_of.end()) masters.push_back(master_addr);
    // Java replaces the list when two groups share a master address.
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
