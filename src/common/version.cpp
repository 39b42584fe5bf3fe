#include "rocketmq/version.h"

namespace rocketmq {

const char* Version() { return "0.1.0"; }

int ProtocolVersion() { return 409; }

}  // namespace rocketmq
