#include "tools/admin/cluster_lookup.h"

#include <map>
#include <utility>

#include "tools/admin/command_error.h"
#include "tools/admin/format_util.h"
#include "tools/admin/java_hash.h"

namespace rocketmq::admin::tools {

std::vector<std::string> BrokerNamesOfCluster(const ClusterInfo& info, const std::string& cluster) {
  auto it = info.cluster_addr_table.find(cluster);
  if (it == info.cluster_addr_table.end()) {
    throw CommandError("cluster " + cluster + " not found: " + kUnknownClusterHint);
  }
  return JavaHashSetOrder(std::vector<std::string>(it->second.begin(), it->second.end()));
}

std::vector<std::string> MasterAddrsOfCluster(const ClusterInfo& info, const std::string& cluster) {
  std::vector<std::string> addrs;
  for (const std::string& name : BrokerNamesOfCluster(info, cluster)) {
    auto bd = info.broker_addr_table.find(name);
    if (bd == info.broker_addr_table.end()) continue;
    auto master = bd->second.broker_addrs.find(0);
    if (master != bd->second.broker_addrs.end()) addrs.push_back(master->second);
  }
  return JavaHashSetOrder(addrs);
}

std::vector<std::string> BrokerAddrsOfCluster(const ClusterInfo& info, const std::string& cluster) {
  std::vector<std::string> addrs;
  for (const std::string& name : BrokerNamesOfCluster(info, cluster)) {
    auto bd = info.broker_addr_table.find(name);
    if (bd == info.broker_addr_table.end()) continue;
    for (const auto& [id, addr] : bd->second.broker_addrs) addrs.push_back(addr);
  }
  return JavaHashSetOrder(addrs);
}

std::vector<std::string> ClusterNamesInJavaOrder(const ClusterInfo& info) {
  std::vector<std::string> names;
  for (const auto& [name, brokers] : info.cluster_addr_table) names.push_back(name);
  return JavaHashSetOrder(names);
}

std::string TopicConfigToString(const TopicConfig& c) {
  return StrFormat(
      "TopicConfig [topicName=%s, readQueueNums=%d, writeQueueNums=%d, perm=%s, "
      "topicFilterType=%s, topicSysFlag=%d, order=%s]",
      c.topic_name.c_str(), c.read_queue_nums, c.write_queue_nums, PermToString(c.perm).c_str(),
      c.topic_filter_type.c_str(), c.topic_sys_flag, JavaBool(c.order));
}

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

std::string BrokerNameOfAddr(const ClusterInfo& info, const std::string& addr) {
  for (const auto& [name, data] : info.broker_addr_table) {
    for (const auto& [id, broker_addr] : data.broker_addrs) {
      if (broker_addr == addr) return name;
    }
  }
  throw CommandError("no broker group of the cluster has the address " + addr);
}

}  // namespace rocketmq::admin::tools
