// Java MQVersion.getVersionDesc: the name of a remoting version ordinal ("V4_9_8" for 409), as
// Java mqadmin prints client versions.
#pragma once

#include <string>

namespace rocketmq::admin::tools {

// The MQVersion.Version name of `ordinal`; ordinals past the last name give the last name
// ("HIGHER_VERSION"), negative ones "" (Java would throw).
std::string MQVersionDesc(int ordinal);

}  // namespace rocketmq::admin::tools
