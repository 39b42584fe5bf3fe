// Queue allocation strategies for clustering consumers (Java AllocateMessageQueueStrategy and its
// Averagely / AveragelyByCircle / ConsistentHash implementations, protocol.md §9.4).
//
// Every consumer of a group runs the same strategy on the same sorted inputs (all queues of a
// topic, all client ids of the group) and keeps the share computed for its own client id, so the
// shares must equal what Java computes: a mixed Java/C++ group then splits queues without overlap.
//
// Strategies are stateless after construction; Allocate() may be called from any thread.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "common/message_queue.h"
#include "common/status.h"

namespace rocketmq::consumer {

class AllocateMessageQueueStrategy {
 public:
  virtual ~AllocateMessageQueueStrategy() = default;

  // The queues of `mq_all` that `current_cid` consumes. `mq_all` and `cid_all` must be sorted
  // (MessageQueue order, client ids as strings) as the rebalance does. InvalidArgument when
  // `current_cid` is empty or either list is empty (Java throws IllegalArgumentException); an
  // empty result when `current_cid` is not in `cid_all`.
  virtual Result<std::vector<MessageQueue>> Allocate(
      const std::string& consumer_group, const std::string& current_cid,
      const std::vector<MessageQueue>& mq_all, const std::vector<std::string>& cid_all) const = 0;

  // Java getName(): "AVG", "AVG_BY_CIRCLE", "CONSISTENT_HASH" (reported in ConsumerRunningInfo).
  virtual std::string Name() const = 0;
};

// The default: contiguous blocks, the first n % c consumers one queue more.
class AllocateMessageQueueAveragely : public AllocateMessageQueueStrategy {
 public:
  Result<std::vector<MessageQueue>> Allocate(
      const std::string& consumer_group, const std::string& current_cid,
      const std::vector<MessageQueue>& mq_all,
      const std::vector<std::string>& cid_all) const override;
  std::string Name() const override { return "AVG"; }
};

// Round-robin dealing: consumer i gets queues i, i + c, i + 2c, ...
class AllocateMessageQueueAveragelyByCircle : public AllocateMessageQueueStrategy {
 public:
  Result<std::vector<MessageQueue>> Allocate(
      const std::string& consumer_group, const std::string& current_cid,
      const std::vector<MessageQueue>& mq_all,
      const std::vector<std::string>& cid_all) const override;
  std::string Name() const override { return "AVG_BY_CIRCLE"; }
};

// Java's consistent-hash ring (ConsistentHashRouter with the MD5 hash): each client id is placed
// `virtual_node_count` times at MD5("<cid>-<i>") (first 4 digest bytes, big-endian, unsigned);
// a queue goes to the first node at or after MD5(mq.ToString()), wrapping around. Adding or
// removing one consumer moves only the queues next to its nodes.
class AllocateMessageQueueConsistentHash : public AllocateMessageQueueStrategy {
 public:
  // Java default: 10 virtual nodes per client.
  explicit AllocateMessageQueueConsistentHash(int virtual_node_count = 10);

  Result<std::vector<MessageQueue>> Allocate(
      const std::string& consumer_group, const std::string& current_cid,
      const std::vector<MessageQueue>& mq_all,
      const std::vector<std::string>& cid_all) const override;
  std::string Name() const override { return "CONSISTENT_HASH"; }

  // The ring position Java's MD5Hash gives `key` (exposed for tests).
  static int64_t RingHash(const std::string& key);

 private:
  int virtual_node_count_;
};

// "AVG", "AVG_BY_CIRCLE" or "CONSISTENT_HASH" -> a new strategy; InvalidArgument otherwise.
Result<std::shared_ptr<AllocateMessageQueueStrategy>> MakeAllocateStrategy(const std::string& name);

}  // namespace rocketmq::consumer
