// Looking up a cluster's brokers the way Java mqadmin's CommandUtil does, in the iteration order
// Java's HashSets give them (so "create topic to <addr> success." lines come out in Java's order),
// plus the Java toString() of TopicConfig that the topic commands print.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "rocketmq/admin_types.h"

namespace rocketmq::admin::tools {

// Java CommandUtil's message when a cluster name is not in the cluster table.
inline constexpr char kUnknownClusterHint[] =
    "Make sure the specified clusterName exists or the name server connected to is correct.";

// The broker names of `cluster` in Java HashSet order. Throws CommandError ("cluster <name> not
// found: <hint>") when the NameServer does not know the cluster (Java prints "[error] ..." and
// carries on with nothing).
std::vector<std::string> BrokerNamesOfCluster(const ClusterInfo& info, const std::string& cluster);
// The master addresses of `cluster` (Java fetchMasterAddrByClusterName: a HashSet<String>), in
// Java's iteration order. Throws like BrokerNamesOfCluster.
std::vector<std::string> MasterAddrsOfCluster(const ClusterInfo& info, const std::string& cluster);
// Every master and slave address of `cluster` (Java fetchMasterAndSlaveAddrByClusterName), in
// Java's iteration order. Throws like BrokerNamesOfCluster.
std::vector<std::string> BrokerAddrsOfCluster(const ClusterInfo& info, const std::string& cluster);
// Every broker group of `cluster` as (master address, slave addresses), as Java
// CommandUtil.fetchMasterAndSlaveDistinguish returns them: masters in the order of Java's
// HashMap(4) keyed by them (filled in the HashSet order of the broker names), slaves by brokerId.
// A group without a master is listed under "null" (Java's null key). Throws like
// BrokerNamesOfCluster.
std::vector<std::pair<std::string, std::vector<std::string>>> MasterAndSlaveAddrsOfCluster(
    const ClusterInfo& info, const std::string& cluster);
// Java CommandUtil.fetchBrokerNameByAddr: the name of the broker group that has `addr` as master
// or slave. Throws CommandError when no group has it (Java would go on with "null").
std::string BrokerNameOfAddr(const ClusterInfo& info, const std::string& addr);
// The cluster names in Java HashMap order (ClusterInfo.clusterAddrTable iteration).
std::vector<std::string> ClusterNamesInJavaOrder(const ClusterInfo& info);

// Java TopicConfig.toString(): "TopicConfig [topicName=T, readQueueNums=8, writeQueueNums=8,
// perm=RW-, topicFilterType=SINGLE_TAG, topicSysFlag=0, order=false]".
std::string TopicConfigToString(const TopicConfig& config);

}  // namespace rocketmq::admin::tools
