// OffsetWaiters: writers waiting for "the CommitLog is flushed / replicated up to offset N",
// completed in groups (protocol.md §6, the group commit of SYNC_FLUSH and SYNC_MASTER). It is
// the callback form of Java's GroupCommitRequest / GroupTransferService queues: a writer queues a
// callback and returns at once (Java's asyncPutMessage futures), so a send thread never parks
// while the disk or the slave catches up, and one flush or one slave acknowledgement completes
// every satisfied waiter together.
//
// Threads: Add from any thread; CompleteUpTo / CompleteAll from the thread that learned the new
// offset (flush thread, HA read thread), which then runs the callbacks; a timer thread of its own
// ends overdue waits with the queue's timeout status. Callbacks run outside the lock, exactly
// once each, and must not block. Shutdown() completes everything still waiting and refuses new
// waits; idempotent, called by the destructor. Thread-safe.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "common/status.h"
#include "mockbroker/store/store_types.h"

namespace rocketmq::store {

class OffsetWaiters {
 public:
  using Callback = std::function<void(PutMessageStatus status, const Status& error)>;

  // `timeout_status` ends a wait that passed its deadline (FLUSH_DISK_TIMEOUT or
  // FLUSH_SLAVE_TIMEOUT); `name` appears in the timeout log line.
  OffsetWaiters(std::string name, PutMessageStatus timeout_status);
  ~OffsetWaiters();
  OffsetWaiters(const OffsetWaiters&) = delete;
  OffsetWaiters& operator=(const OffsetWaiters&) = delete;

  // Starts the timer thread; waits may be added from then on.
  void Start();
  // Completes every wait with (`status`, `error`), refuses new ones and joins the timer thread.
  void Shutdown(PutMessageStatus status, const Status& error);

  // Queues `done` until CompleteUpTo(>= offset) or `timeout_ms` passed. False when the queue
  // is not running: `done` is then left untouched (not moved from, not called).
  bool Add(int64_t offset, int64_t timeout_ms, Callback&& done);
  // Completes with PUT_OK every wait for an offset <= `offset`.
  void CompleteUpTo(int64_t offset);
  // Completes every wait with (`status`, `error`), e.g. after a failed flush.
  void CompleteAll(PutMessageStatus status, const Status& error);
  // Highest offset anyone waits for; -1 when nobody waits.
  int64_t MaxWaitingOffset() const;

 private:
  using Clock = std::chrono::steady_clock;
  struct Waiter {
    Clock::time_point deadline;
    Callback done;
  };
  using Queue = std::multimap<int64_t, Waiter>;  // by offset

  void TimerLoop();
  static void Run(std::vector<Callback>* done, PutMessageStatus status, const Status& error);

  const std::string name_;
  const PutMessageStatus timeout_status_;
  mutable std::mutex mu_;
  std::condition_variable timer_cv_;
  Queue waiting_;                                            // guarded by mu_
  bool running_ = false;                                     // guarded by mu_
  Clock::time_point timer_wake_ = Clock::time_point::max();  // guarded by mu_
  std::thread timer_;
};

}  // namespace rocketmq::store
