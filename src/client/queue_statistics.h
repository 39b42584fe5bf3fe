// Per-queue counters of one producer or one consumer for the statistics document
// (include/rocketmq/statistics.h). A queue's counters are created on first use and live as long
// as the producer or consumer; the hot path takes a shared lock for the look-up and bumps relaxed
// atomics. Callers count only while statistics are on (enabled()).
//
// Thread-safe.
#pragma once

#include <atomic>
#include <cstdint>
#include <map>
#include <memory>
#include <shared_mutex>
#include <vector>

#include "common/message_queue.h"

namespace rocketmq::client {

struct ProducerQueueCounters {
  std::atomic<uint64_t> sent{0};          // send attempts written to this queue
  std::atomic<uint64_t> acknowledged{0};  // attempts the broker answered with a SendResult
  std::atomic<uint64_t> failed{0};        // attempts that ended in an error
};

struct ConsumerQueueCounters {
  std::atomic<uint64_t> pulled{0};          // messages received from the broker (after filtering)
  std::atomic<uint64_t> consumed{0};        // messages the listener (or poll) took successfully
  std::atomic<uint64_t> consume_failed{0};  // deliveries that asked to be consumed again later
  std::atomic<int64_t> max_offset{-1};      // broker's maxOffset in the latest pull response
};

// Queue → counters, for either kind.
template <typename Counters>
class QueueCounterTable {
 public:
  void Enable() { enabled_.store(true, std::memory_order_relaxed); }
  bool enabled() const { return enabled_.load(std::memory_order_relaxed); }

  Counters& For(const MessageQueue& mq) {
    {
      std::shared_lock<std::shared_mutex> lock(mu_);
      auto it = table_.find(mq);
      if (it != table_.end()) return *it->second;
    }
    std::unique_lock<std::shared_mutex> lock(mu_);
    auto& slot = table_[mq];
    if (!slot) slot = std::make_unique<Counters>();
    return *slot;
  }

  // Calls fn(mq, counters) for every queue, in queue order.
  template <typename Fn>
  void ForEach(Fn&& fn) const {
    std::shared_lock<std::shared_mutex> lock(mu_);
    for (const auto& [mq, counters] : table_) fn(mq, *counters);
  }

 private:
  std::atomic<bool> enabled_{false};
  mutable std::shared_mutex mu_;
  std::map<MessageQueue, std::unique_ptr<Counters>> table_;  // guarded by mu_
};

using ProducerQueueStatistics = QueueCounterTable<ProducerQueueCounters>;
using ConsumerQueueStatistics = QueueCounterTable<ConsumerQueueCounters>;

}  // namespace rocketmq::client
