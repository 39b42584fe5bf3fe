// RebalanceLockManager: the broker-side lock table of orderly consumption (protocol.md §2.11;
// Java RebalanceLockManager 4.9.x). A queue is locked per consumer group by one client id; the
// lock lapses when its holder has not renewed it for kRebalanceLockMaxLiveTimeMs.
//
// Thread-safe (one mutex).
#pragma once

#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <vector>

#include "common/message_queue.h"

namespace rocketmq::broker {

// Java system property rocketmq.broker.rebalance.lockMaxLiveTime default.
inline constexpr int64_t kRebalanceLockMaxLiveTimeMs = 60000;

class RebalanceLockManager {
 public:
  explicit RebalanceLockManager(int64_t max_live_ms = kRebalanceLockMaxLiveTimeMs)
      : max_live_ms_(max_live_ms) {}

  // Locks (or renews) every queue of `mqs` for `client_id` in `group` unless another client
  // holds a live lock on it. Returns the queues `client_id` holds afterwards, in the order Java's
  // HashSet<MessageQueue> of that size iterates (what the LOCK_BATCH_MQ response body lists).
  std::vector<MessageQueue> TryLockBatch(const std::string& group,
                                         const std::vector<MessageQueue>& mqs,
                                         const std::string& client_id, int64_t now_ms);
  // Releases the queues of `mqs` that `client_id` holds in `group`.
  void UnlockBatch(const std::string& group, const std::vector<MessageQueue>& mqs,
                   const std::string& client_id);
  // True when `client_id` holds a live lock on `mq` in `group`.
  bool IsLocked(const std::string& group, const MessageQueue& mq, const std::string& client_id,
                int64_t now_ms) const;

 private:
  struct LockEntry {
    std::string client_id;
    int64_t last_update_ms = 0;
  };
  bool Expired(const LockEntry& e, int64_t now_ms) const {
    return now_ms > e.last_update_ms + max_live_ms_;
  }

  const int64_t max_live_ms_;
  mutable std::mutex mu_;
  std::map<std::string, std::map<MessageQueue, LockEntry>> table_;  // guarded by mu_
};

// The iteration order of a Java HashSet<MessageQueue> created with `initial_capacity` into
// which `mqs` were added in order.
std::vector<MessageQueue> JavaHashSetOrder(const std::vector<MessageQueue>& mqs,
                                           size_t initial_capacity);

}  // namespace rocketmq::broker
