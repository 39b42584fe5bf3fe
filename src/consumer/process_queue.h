// ProcessQueue: the consumer-side cache of one assigned MessageQueue (Java ProcessQueue).
//
// The pull path puts pulled messages in (keyed by queue offset); the consume path takes them out.
// Concurrent consumers remove messages as they finish (RemoveMessages returns the offset that is
// safe to commit: the smallest offset still cached, or one past the highest offset seen).
// Orderly consumers move a batch to the "consuming" window (TakeMessages) and then either commit
// it or put it back (MakeMessagesToConsumeAgain / Rollback).
//
// The rebalance owns the object (shared with in-flight pulls and consume tasks through
// shared_ptr) and marks it dropped when the queue is no longer assigned; everyone holding it
// checks dropped() before acting. All methods are thread-safe: the tree maps are guarded by mu_,
// flags and timestamps are atomics. Timestamps are epoch milliseconds (they are reported in
// ConsumerRunningInfo) as in Java.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <vector>

#include "common/message_ext.h"
#include "common/model/consumer_running_info.h"

namespace rocketmq::consumer {

using MessageExtPtr = std::shared_ptr<MessageExt>;

// A lock held across one orderly listener call, with a bounded wait for the rebalance (Java's
// ReentrantLock.tryLock(1000 ms)). Not std::timed_mutex: its try_lock_for uses
// pthread_mutex_clocklock, which ThreadSanitizer does not intercept (false "unlock of an
// unlocked mutex" reports). Meets BasicLockable for std::lock_guard.
class ConsumeLock {
 public:
  void lock() {
    std::unique_lock<std::mutex> guard(mu_);
    cv_.wait(guard, [this] { return !held_; });
    held_ = true;
  }
  void unlock() {
    {
      std::lock_guard<std::mutex> guard(mu_);
      held_ = false;
    }
    cv_.notify_one();
  }
  bool try_lock_for(std::chrono::milliseconds timeout) {
    std::unique_lock<std::mutex> guard(mu_);
    if (!cv_.wait_for(guard, timeout, [this] { return !held_; })) return false;
    held_ = true;
    return true;
  }

 private:
  std::mutex mu_;
  std::condition_variable cv_;
  bool held_ = false;  // guarded by mu_
};

class ProcessQueue {
 public:
  // A broker lock not renewed for this long no longer counts
  // (rocketmq.client.rebalance.lockMaxLiveTime).
  static constexpr int64_t kRebalanceLockMaxLiveTimeMs = 30000;
  // Orderly consumers renew their broker locks this often (rocketmq.client.rebalance.lockInterval).
  static constexpr int64_t kRebalanceLockIntervalMs = 20000;
  // A queue not pulled for this long is considered stuck (rocketmq.client.pull.pullMaxIdleTime).
  static constexpr int64_t kPullMaxIdleTimeMs = 120000;

  ProcessQueue();
  ProcessQueue(const ProcessQueue&) = delete;
  ProcessQueue& operator=(const ProcessQueue&) = delete;

  // Caches pulled messages (a message already cached at the same offset is replaced but not
  // counted twice). Returns true when the caller should dispatch a consume request: there are
  // messages and no orderly consume is marked running (it then marks it running).
  bool PutMessages(const std::vector<MessageExtPtr>& msgs);

  // Highest minus lowest cached offset (0 when empty): the concurrent consumer's span check.
  int64_t MaxSpan() const;

  // Removes consumed messages; returns the offset to commit: the lowest offset still cached, or
  // one past the highest offset ever cached when none is left; -1 when nothing was cached.
  int64_t RemoveMessages(const std::vector<MessageExtPtr>& msgs);

  // Orderly: moves up to `batch_size` messages (lowest offsets first) into the consuming window.
  // Returns an empty list (and marks consuming as stopped) when nothing is cached.
  std::vector<MessageExtPtr> TakeMessages(int batch_size);
  // Orderly: drops the consuming window after success; returns one past its highest offset, or
  // -1 when the window was empty.
  int64_t Commit();
  // Orderly: puts `msgs` back from the consuming window into the cache to be consumed again.
  void MakeMessagesToConsumeAgain(const std::vector<MessageExtPtr>& msgs);
  // Orderly: puts the whole consuming window back.
  void Rollback();

  // True when messages are cached (the consuming window not counted).
  bool HasTempMessage() const;
  // Forgets every message (used when the offset is reset).
  void Clear();

  // The first cached message if it started consuming more than `consume_timeout_ms` ago
  // (CONSUME_START_TIME property), else null. Used to send stuck messages back (Java
  // cleanExpiredMsg); the caller removes it with RemoveMessages once sent back.
  MessageExtPtr FirstExpiredMessage(int64_t consume_timeout_ms) const;
  // The lowest cached offset, or -1 when empty.
  int64_t FirstCachedOffset() const;

  int64_t msg_count() const { return msg_count_.load(); }
  int64_t msg_size() const { return msg_size_.load(); }
  // Messages the broker still holds behind the last pulled one (MAX_OFFSET - last offset).
  int64_t msg_acc_cnt() const { return msg_acc_cnt_.load(); }

  bool dropped() const { return dropped_.load(); }
  void set_dropped(bool v) { dropped_.store(v); }
  bool locked() const { return locked_.load(); }
  void set_locked(bool v) { locked_.store(v); }
  int64_t last_lock_timestamp() const { return last_lock_timestamp_.load(); }
  void set_last_lock_timestamp(int64_t v) { last_lock_timestamp_.store(v); }
  int64_t last_pull_timestamp() const { return last_pull_timestamp_.load(); }
  void set_last_pull_timestamp(int64_t v) { last_pull_timestamp_.store(v); }
  int64_t last_consume_timestamp() const { return last_consume_timestamp_.load(); }
  int64_t try_unlock_times() const { return try_unlock_times_.load(); }
  void IncTryUnlockTimes() { try_unlock_times_.fetch_add(1); }

  bool IsLockExpired() const;
  bool IsPullExpired() const;

  // Orderly consumers hold this while consuming a batch so that a rebalance does not unlock the
  // queue in the middle of it (the rebalance try-locks it before unlocking).
  ConsumeLock& consume_lock() { return consume_lock_; }

  // Fills the cache and lock fields of `info` (commit_offset is left to the caller).
  void FillProcessQueueInfo(ProcessQueueInfo* info) const;

 private:
  mutable std::mutex mu_;
  std::map<int64_t, MessageExtPtr> msg_tree_;        // guarded by mu_
  std::map<int64_t, MessageExtPtr> consuming_tree_;  // guarded by mu_ (orderly window)
  int64_t queue_offset_max_ = 0;                     // guarded by mu_
  bool consuming_ = false;                           // guarded by mu_

  std::atomic<int64_t> msg_count_{0};
  std::atomic<int64_t> msg_size_{0};
  std::atomic<int64_t> msg_acc_cnt_{0};
  std::atomic<int64_t> try_unlock_times_{0};
  std::atomic<bool> dropped_{false};
  std::atomic<bool> locked_{false};
  std::atomic<int64_t> last_lock_timestamp_;
  std::atomic<int64_t> last_pull_timestamp_;
  std::atomic<int64_t> last_consume_timestamp_;
  ConsumeLock consume_lock_;
};

}  // namespace rocketmq::consumer
