#include "rocketmq/version.h"

// ROCKETMQ_VERSION_STRING is project(VERSION) of the top CMakeLists.txt (src/CMakeLists.txt sets
// it on this file), so Version(), the SONAME and the package version cannot disagree.
#ifndef ROCKETMQ_VERSION_STRING
#error "ROCKETMQ_VERSION_STRING must be defined by the build"
#endif

namespace rocketmq {

const char* Version() { return ROCKETMQ_VERSION_STRING; }

int ProtocolVersion() { return 409; }

}  // namespace rocketmq
