// The broker addresses of a cluster, in the order Java mqadmin's CommandUtil visits them (its
// HashSet / HashMap iteration order, see java_hash.h), so that commands working on a whole cluster
// print their per-broker lines in Java's order.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "rocketmq/admin.h"

namespace rocketmq::admin::tools {

// Java CommandUtil's message for a cluster the NameServer does not know.
inline constexpr char kUnknownClusterMessage[] =
    "Make sure the specified clusterName exists or the name server connected to is correct.";

// The broker names of `cluster` in Java HashSet order. Throws CommandError("cluster <name> not
// found: " + kUnknownClusterMessage) when the NameServer does not list the cluster (Java prints
// "[error] ..." and goes on with nothing).
std::vector<std::string> BrokerNamesOfCluster(const ClusterInfo& info, const std::string& cluster);

// Java CommandUtil.fetchMasterAddrByClusterName: the master (brokerId 0) addresses.
std::vector<std::string> FetchMasterAddrByClusterName(DefaultMQAdminExt& admin,
                                                      const std::string& cluster);
// Java CommandUtil.fetchMasterAndSlaveAddrByClusterName: every master and slave address.
std::vector<std::string> FetchMasterAndSlaveAddrByClusterName(DefaultMQAdminExt& admin,
                                                              const std::string& cluster);
// Java CommandUtil.fetchMasterAndSlaveDistinguish: master address -> its slaves' addresses.
std::vector<std::pair<std::string, std::vector<std::string>>> FetchMasterAndSlaveDistinguish(
    DefaultMQAdminExt& admin, const std::string& cluster);

}  // namespace rocketmq::admin::tools
