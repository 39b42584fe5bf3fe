// PullResult: the answer of a low-level pull (Java PullResult; official C++ client PullResult).
#pragma once

#include <cstdint>
#include <vector>

#include "rocketmq/mq_message_ext.h"

namespace rocketmq {

enum PullStatus {
  // Messages were found (msgFoundList may still be empty when the client-side tag filter
  // dropped them all).
  FOUND,
  // Nothing at or after the offset yet.
  NO_NEW_MSG,
  // Messages exist but none matches the subscription.
  NO_MATCHED_MSG,
  // The offset is outside the queue; nextBeginOffset is where to continue.
  OFFSET_ILLEGAL,
};

struct PullResult {
  PullStatus pullStatus = NO_NEW_MSG;
  // Offset to pull from next.
  int64_t nextBeginOffset = 0;
  // The queue's first and one-past-last offsets when the broker answered.
  int64_t minOffset = 0;
  int64_t maxOffset = 0;
  std::vector<MQMessageExt> msgFoundList;
};

}  // namespace rocketmq
