// Source compatibility with the official C++ client (rocketmq-client-cpp 2.2.0): this header
// has that client's name and contents; see docs/migration.md.
#pragma once

#include "consumer_types.h"

namespace rocketmq {

// Official client only: whether a consumer pulls itself or gets messages pushed.
enum ConsumeType {
  CONSUME_ACTIVELY,   // DefaultMQPullConsumer
  CONSUME_PASSIVELY,  // DefaultMQPushConsumer
};

}  // namespace rocketmq
