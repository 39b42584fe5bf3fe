// Java MQVersion.getVersionDesc: the name of the MQVersion.Version constant with this ordinal
// ("V4_9_8" for 409); ordinals past the last constant give "HIGHER_VERSION", as in Java.
#pragma once

#include <string>

namespace rocketmq::admin::tools {

// `version` < 0 has no Java counterpart (Java would throw); we print "UNKNOWN".
std::string MQVersionDesc(int version);

}  // namespace rocketmq::admin::tools
