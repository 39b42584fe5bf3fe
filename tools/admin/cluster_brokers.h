// A cluster's broker groups as (master, slaves), the way Java mqadmin's
// CommandUtil.fetchMasterAndSlaveDistinguish returns them (getBrokerConfig -c walks them in that
// order). The other CommandUtil look-ups are in cluster_lookup.h.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "rocketmq/admin_types.h"

namespace rocketmq::admin::tools {

// Every broker group of `cluster` as (master address, slave addresses): masters in the order of
// Java's HashMap(4) keyed by them (filled in the HashSet order of the broker names), slaves by
// brokerId. A group without a master is listed under "null" (Java's null key). Throws
// CommandError when the cluster is unknown (cluster_lookup.h BrokerNamesOfCluster).
std::vector<std::pair<std::string, std::vector<std::string>>> MasterAndSlaveAddrsOfCluster(
    const ClusterInfo& info, const std::string& cluster);

}  // namespace rocketmq::admin::tools
