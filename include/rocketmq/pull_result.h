// PullResult: the answer of a low-level pull (Java PullResult; official C++ client PullResult).
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "mq_message_ext.h"

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
  // The pull timed out or got no response (official C++ client; only DefaultMQPullConsumer
  // reports it, the other calls throw); the offsets are 0.
  BROKER_TIMEOUT,
};

// PullStatus names indexed by value, as Java's PullStatus.name() (the official C++ client's
// EnumStrings).
inline const char* const EnumStrings[] = {"FOUND", "NO_NEW_MSG", "NO_MATCHED_MSG",
                                          "OFFSET_ILLEGAL", "BROKER_TIMEOUT"};

struct PullResult {
  PullResult() = default;
  // The official C++ client's constructors.
  explicit PullResult(PullStatus status) : pullStatus(status) {}
  PullResult(PullStatus status, int64_t next_begin_offset, int64_t min_offset, int64_t max_offset)
      : pullStatus(status),
        nextBeginOffset(next_begin_offset),
        minOffset(min_offset),
        maxOffset(max_offset) {}
  PullResult(PullStatus status, int64_t next_begin_offset, int64_t min_offset, int64_t max_offset,
             std::vector<MQMessageExt> found)
      : pullStatus(status),
        nextBeginOffset(next_begin_offset),
        minOffset(min_offset),
        maxOffset(max_offset),
        msgFoundList(std::move(found)) {}

  // "PullResult [ pullStatus=FOUND, nextBeginOffset=.., minOffset=.., maxOffset=..,
  // msgFoundList=<count> ]", as the official C++ client prints it.
  std::string toString() const;

  PullStatus pullStatus = NO_NEW_MSG;
  // Offset to pull from next.
  int64_t nextBeginOffset = 0;
  // The queue's first and one-past-last offsets when the broker answered.
  int64_t minOffset = 0;
  int64_t maxOffset = 0;
  std::vector<MQMessageExt> msgFoundList;
};

}  // namespace rocketmq
