// clusterList's -i mode prints forever (as Java); tests bound it with this factory.
#pragma once

#include <cstdint>
#include <memory>

#include "tools/admin/sub_command.h"

namespace rocketmq::admin::tools {

// A clusterList command that, with -i, stops after printing the table `max_rounds` times
// (NewClusterListCommand() never stops).
std::unique_ptr<SubCommand> NewClusterListCommandWithRounds(int64_t max_rounds);

}  // namespace rocketmq::admin::tools
