// The broker addresses of a cluster, in the order Java mqadmin's CommandUtil visits them
// (fetchMasterAddrByClusterName, fetchMasterAndSlaveDistinguish), so that commands working on a
// whole cluster (-c) print their lines in Java's order.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "rocketmq/admin.h"

namespace rocketmq::admin::tools {

// Java CommandUtil's text when the cluster is unknown; ours is the CommandError message.
inline constexpr char kUnknownClusterMessage[] =
    "Make sure the specified clusterName exists or the name server connected to is correct.";

// The master address (brokerId 0) of every broker group of `cluster_name`, in the iteration
// order of Java's HashSet of them. Throws CommandError(kUnknownClusterMessage) when the
// NameServer does not know the cluster (Java prints "[error] ..." and goes on with no broker),
// MQException when the NameServer cannot be asked.
std::vector<std::string> FetchMasterAddrByClusterName(DefaultMQAdminExt& admin,
                                                      const std::string& cluster_name);

// Every broker group of `cluster_name` as (master address, slave addresses): masters in the
// order of Java's HashMap(4) keyed by them, slaves by brokerId. A group without a master is
// listed under "null" (Java's null key). Errors as FetchMasterAddrByClusterName.
std::vector<std::pair<std::string, std::vector<std::string>>> FetchMasterAndSlaveDistinguish(
    DefaultMQAdminExt& admin, const std::string& cluster_name);

}  // namespace rocketmq::admin::tools
