// Consumer enums shared by the push and lite-pull consumers (Java MessageModel and
// ConsumeFromWhere; the official C++ client spells them the same way).
#pragma once

namespace rocketmq {

// How a group shares a topic.
enum MessageModel {
  // Every consumer instance of the group receives every message; offsets are kept in a local
  // file per instance.
  BROADCASTING,
  // The group's queues are divided among its live instances; offsets are kept by the brokers.
  CLUSTERING,
};

// Where a consumer group starts on a queue for which the broker has no committed offset. A
// committed offset always wins.
enum ConsumeFromWhere {
  // From the queue's end: only messages sent from now on (the default).
  CONSUME_FROM_LAST_OFFSET,
  // Deprecated aliases of CONSUME_FROM_LAST_OFFSET kept for source compatibility.
  CONSUME_FROM_LAST_OFFSET_AND_FROM_MIN_WHEN_BOOT_FIRST,
  CONSUME_FROM_MIN_OFFSET,
  CONSUME_FROM_MAX_OFFSET,
  // From the first message still stored.
  CONSUME_FROM_FIRST_OFFSET,
  // From the first message stored at or after the consumer's consumeTimestamp.
  CONSUME_FROM_TIMESTAMP,
};

// The Java enum names ("CLUSTERING", "CONSUME_FROM_LAST_OFFSET", ...), as sent in heartbeats.
const char* MessageModelName(MessageModel model);
const char* ConsumeFromWhereName(ConsumeFromWhere where);

}  // namespace rocketmq
